package io.parkwatch.cli;

import io.parkwatch.platform.kafka.ConfigTopic;
import io.parkwatch.platform.kafka.TopicReader;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.dataquality.PointQuality;
import io.parkwatch.rules.dataquality.QualityFigures;
import io.parkwatch.rules.dataquality.QualityRollup;
import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code parkwatch report data-quality --day YYYY-MM-DD}: a day's data quality (online rate, completeness, timeliness,
 * abnormal share) per enterprise, data logger and point, as CSV that a spreadsheet opens, from the job's hours on
 * {@code parkwatch.data-quality}. The day is the park's (points.yaml {@code time-zone}).
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Reports for the regulator.")
final class ReportCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--kafka", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Kafka of a distributed ParkWatch (default: the standalone's)")
    String kafka;

    @Command(name = "data-quality", description = "A day's data quality per enterprise, data logger and point, as CSV.")
    int dataQuality(@Option(names = "--day", required = true, description = "the day, YYYY-MM-DD (the park's)")
            LocalDate day, @Option(names = "--out", description = "write the CSV here (default: standard output)")
            Path file) throws Exception {
        String bootstrap = kafka != null ? kafka : ConfigFiles.bootstrap(config.settings());
        ConfigDocument points = ConfigTopic.latest(bootstrap).get(ConfigDocument.POINTS);
        ZoneId zone = points == null ? io.parkwatch.rules.config.Park.CHINA
                : PointRegistryFile.parse(YamlSource.parse("points.yaml", points.yaml())).park().timeZone();
        long from = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        PrintWriter err = spec.commandLine().getErr();
        List<PointQuality> hours = new ArrayList<>();
        // an hour is written once it is over: the day's are on the topic from its first hour's end on
        long read = TopicReader.read(bootstrap, Topics.DATA_QUALITY, from, Duration.ofMinutes(10), r -> {
            PointQuality q = WireJson.read(r.value(), PointQuality.class);
            if (q.hourStart() >= from && q.hourStart() < to) {
                hours.add(q);
            }
        }, n -> err.println(n + " …"));
        String csv = csv(QualityRollup.of(hours), Catalogue.of(ParkWatchCli.helpLanguage(System.getenv())));
        if (file != null) {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
        } else {
            spec.commandLine().getOut().print(csv);
            spec.commandLine().getOut().flush();
        }
        err.println(Catalogue.of(ParkWatchCli.helpLanguage(System.getenv())).text("report.data-quality-done", day,
                hours.size(), read));
        return 0;
    }

    /** With a byte-order mark, so a spreadsheet reads the Chinese right. */
    static String csv(List<QualityFigures> rows, Catalogue words) {
        StringBuilder b = new StringBuilder("\uFEFF").append(words.text("report.data-quality-head")).append("\r\n");
        for (QualityFigures f : rows) {
            b.append(String.join(",", words.text("report.level." + f.level()), cell(f.subject()),
                    cell(f.enterpriseId()), String.valueOf(f.hours()), pct(f.onlineRate()), pct(f.completeness()),
                    String.valueOf(f.received()), String.valueOf(f.expected()),
                    f.delayMedianMs() < 0 ? "" : String.valueOf(f.delayMedianMs()),
                    f.delayP95Ms() < 0 ? "" : String.valueOf(f.delayP95Ms()), pct(f.abnormalShare()))).append("\r\n");
        }
        return b.toString();
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f", v * 100);
    }

    private static String cell(String s) {
        return s == null ? "" : s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    @Command(name = "lag", description = "How far each consumer group is behind: records on Kafka it has not yet "
            + "committed, per group (the rules job commits at its checkpoints).")
    int lag(@Option(names = "--group", description = "only this group (e.g. parkwatch-rules)") String group)
            throws Exception {
        String bootstrap = kafka != null ? kafka : ConfigFiles.bootstrap(config.settings());
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<String> groups = new ArrayList<>();
            if (group != null) {
                groups.add(group);
            } else {
                admin.listGroups().all().get(30, java.util.concurrent.TimeUnit.SECONDS)
                        .forEach(g -> groups.add(g.groupId()));
                java.util.Collections.sort(groups);
            }
            PrintWriter out = spec.commandLine().getOut();
            for (String g : groups) {
                var committed = admin.listConsumerGroupOffsets(g).partitionsToOffsetAndMetadata()
                        .get(30, java.util.concurrent.TimeUnit.SECONDS);
                var ends = admin.listOffsets(committed.keySet().stream().collect(java.util.stream.Collectors.toMap(
                        tp -> tp, tp -> org.apache.kafka.clients.admin.OffsetSpec.latest())))
                        .all().get(30, java.util.concurrent.TimeUnit.SECONDS);
                long lag = committed.entrySet().stream().filter(e -> e.getValue() != null)
                        .mapToLong(e -> Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset())).sum();
                out.printf("%s %d%n", g, lag);
            }
            out.flush();
        }
        return 0;
    }
}
