package io.parkwatch.cli;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.kinds.RuleKinds;
import io.parkwatch.rules.model.Rationale;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.ruleset.ParkFiles;
import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.ruleset.RuleSet;
import io.parkwatch.rules.text.Catalogue;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parkwatch rules report}: the master alarm database (ISA TR18.2.2) of the rule file, one row per rule and
 * per point with its own rationalization: cause, consequence, what the operator must do, the response time,
 * priority and class, the modes in which it is suppressed, and the rule's version. Rules without a rationalization
 * are listed at the end. CSV for a spreadsheet, Markdown to read.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "The master alarm database of the rule file: each alarm's rationalization, as CSV or Markdown.")
final class RulesReportCommand implements java.util.concurrent.Callable<Integer> {

    static final List<String> COLUMNS = List.of("rule", "point", "type", "description", "cause", "consequence",
            "action", "response-time", "priority", "class", "suppressed-in-modes", "version");

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--format", description = "csv or markdown (default)")
    String format = "markdown";

    @Option(names = "--file", description = "the rule file (default: files.rules of the configuration)")
    Path file;

    @Option(names = "--points", description = "the points file (default: files.points of the configuration)")
    Path points;

    @Override
    public Integer call() throws Exception {
        Settings s = config.settings();
        Path base = ParkWatchCli.base();
        Path rules = file != null ? file : base.resolve(s.text("files.rules"));
        Path pointsFile = points != null ? points : base.resolve(s.text("files.points"));
        RuleEngine engine;
        try {
            engine = ParkFiles.engine(new ParkFiles.Text(pointsFile.toString(), Files.readString(pointsFile)),
                    new ParkFiles.Text(rules.toString(), Files.readString(rules)), null);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("Refused: " + rules + "\n" + e.getMessage());
            return 1;
        }
        Catalogue words = Catalogue.of(ParkWatchCli.helpLanguage(System.getenv()));
        List<List<String>> rows = rows(engine.rules());
        PrintWriter out = spec.commandLine().getOut();
        if ("csv".equalsIgnoreCase(format)) {
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false);
            COLUMNS.forEach(c -> schema.addColumn(c));
            List<List<String>> all = new ArrayList<>();
            all.add(COLUMNS.stream().map(c -> words.text("report." + c)).toList());
            all.addAll(rows);
            out.print(new CsvMapper().writer(schema.build()).writeValueAsString(all));
        } else if ("markdown".equalsIgnoreCase(format)) {
            out.println("# " + words.text("report.title"));
            out.println();
            out.println("| " + String.join(" | ", COLUMNS.stream().map(c -> words.text("report." + c)).toList()) + " |");
            out.println("|" + " --- |".repeat(COLUMNS.size()));
            rows.forEach(r -> out.println("| " + String.join(" | ", r.stream().map(RulesReportCommand::cell).toList())
                    + " |"));
        } else {
            spec.commandLine().getErr().println("--format must be csv or markdown, not '" + format + "'");
            return 2;
        }
        List<String> without = engine.rules().rules().stream()
                .filter(r -> engine.rules().rationale(r.id(), null).isEmpty()).map(Rule::id).toList();
        if (!without.isEmpty()) {
            if ("csv".equalsIgnoreCase(format)) {
                spec.commandLine().getErr().println(words.text("report.without", without.size(),
                        String.join(", ", without)));
            } else {
                out.println();
                out.println(words.text("report.without", without.size(), String.join(", ", without)));
            }
        }
        out.flush();
        return 0;
    }

    /** One row per rule, then one per point with its own rationalization of that rule. */
    static List<List<String>> rows(RuleSet rules) {
        List<List<String>> out = new ArrayList<>();
        for (Rule r : rules.rules()) {
            String type = RuleKinds.of(r).type();
            String modes = String.join(" ", rules.suppressedInModes(r.id()));
            out.add(row(r.id(), "", type, r.description(), rules.rationale(r.id(), null).orElse(null), modes,
                    rules.versionTag(r.id())));
            for (Map.Entry<String, Rationale> p : rules.rationalesForPoints(r.id()).entrySet()) {
                out.add(row(r.id(), p.getKey(), type, r.description(), p.getValue(), modes, rules.versionTag(r.id())));
            }
        }
        return out;
    }

    private static List<String> row(String rule, String point, String type, String description, Rationale x,
            String modes, String version) {
        return Arrays.asList(rule, point, type, nz(description), x == null ? "" : nz(x.cause()),
                x == null ? "" : nz(x.consequence()), x == null ? "" : nz(x.action()),
                x == null ? "" : nz(x.responseTime()), x == null ? "" : nz(x.priority()),
                x == null ? "" : nz(x.alarmClass()), modes, version);
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
