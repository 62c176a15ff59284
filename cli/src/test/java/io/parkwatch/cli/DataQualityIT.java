package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkwatch.console.ConsoleClient;
import io.parkwatch.console.feed.FeedSchema;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.dataquality.PointQuality;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted hour of Huaxin's T-101 thermometer (1 s interval: 3,600 expected) through the real job, checked
 * against a hand count: silent from 30:00 to 40:00, so 3,000 readings; online 1,799 + 3 s before the gap and
 * 1,199 + 1 s after it = 3,002 s (83.39 %); 2,000 readings 100 ms after their time, 1,000 after 1.5 s; 100 flagged
 * fault (3.33 %). The job closes the hour when the watermark passes it, the console serves it (the other points of
 * the enterprise silent all hour), an operator of another enterprise sees none of it, and the day's report says the
 * same in CSV.
 */
class DataQualityIT {

    @TempDir
    Path tmp;

    @Test
    void aScriptedHourMatchesTheHandCountInTheJobTheConsoleAndTheReport() throws Exception {
        // the last hour of a day that is over (park time), so that the day's data quality is pushed to the platform
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        long today = java.time.LocalDate.now(zone).atStartOfDay(zone).toInstant().toEpochMilli();
        long hour = System.currentTimeMillis() - today > 3_900_000 ? today - 3_600_000 : today - 90_000_000;
        List<JsonNode> feed = new CopyOnWriteArrayList<>();
        HttpServer province = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        province.createContext("/feed", x -> {
            feed.add(WireJson.MAPPER.readTree(x.getRequestBody().readAllBytes()));
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        province.start();
        Settings settings = LocalPark.settings(tmp)
                .with("feed.push-url", "http://127.0.0.1:" + province.getAddress().getPort() + "/feed");
        try (ParkWatchStandalone park = ParkWatchStandalone.start(settings, StandaloneEndToEndIT.ROOT);
                TopicRecorder quality = new TopicRecorder(park.kafkaBootstrap(), Topics.DATA_QUALITY);
                KafkaProducer<String, byte[]> readings = new KafkaProducer<>(Map.of("bootstrap.servers",
                        park.kafkaBootstrap()), new StringSerializer(), new ByteArraySerializer())) {
            int n = 0;
            for (int s = 0; s < 3600; s++) {
                if (s >= 1800 && s < 2400) {
                    continue;
                }
                long t = hour + s * 1000L;
                send(readings, new Reading("HX-T101-TT", "ent-huaxin", t, 25, n < 100 ? Quality.D : Quality.N,
                        t + (n < 2000 ? 100 : 1500)));
                n++;
            }
            // readings of now move the watermark past the hour
            long now = System.currentTimeMillis();
            send(readings, new Reading("HX-T101-TT", "ent-huaxin", now, 25, Quality.N, now));
            readings.flush();
            PointQuality q = await().atMost(Duration.ofSeconds(90)).until(() -> quality.records().stream()
                    .map(r -> WireJson.read(r.value(), PointQuality.class))
                    .filter(x -> x.pointId().equals("HX-T101-TT") && x.hourStart() == hour).findFirst().orElse(null),
                    x -> x != null);
            assertThat(q.expected()).isEqualTo(3600);
            assertThat(q.received()).isEqualTo(3000);
            assertThat(q.onlineMs()).isEqualTo(3_002_000);
            assertThat(q.abnormal()).isEqualTo(100);
            assertThat(q.delays().quantile(0.5)).isCloseTo(100, within(2L));
            assertThat(q.delays().quantile(0.95)).isCloseTo(1500, within(30L));

            ConsoleClient duty = new ConsoleClient(park.consolePort());
            assertThat(duty.login("duty", "duty-demo")).isEqualTo(200);
            String period = "?from=" + Instant.ofEpochMilli(hour) + "&to=" + Instant.ofEpochMilli(hour + 3_600_000);
            JsonNode page = await().atMost(Duration.ofSeconds(30)).until(() -> duty.json("/api/data-quality" + period),
                    p -> p.path("points").size() >= 8);
            JsonNode tt = row(page.path("points"), "HX-T101-TT");
            assertThat(tt.path("onlineRate").asDouble()).isEqualTo(0.8339);
            assertThat(tt.path("completeness").asDouble()).isEqualTo(0.8333);
            assertThat(tt.path("abnormalShare").asDouble()).isEqualTo(0.0333);
            assertThat(row(page.path("points"), "HX-T101-LT").path("onlineRate").asDouble()).isZero();
            JsonNode huaxin = row(page.path("enterprises"), "ent-huaxin");
            assertThat(huaxin.path("received").asLong()).isEqualTo(3000);
            assertThat(huaxin.path("expected").asLong()).isEqualTo(3600L * 8);
            ConsoleClient donghai = new ConsoleClient(park.consolePort());
            assertThat(donghai.login("donghai", "donghai-demo")).isEqualTo(200);
            assertThat(donghai.json("/api/data-quality" + period).toString()).doesNotContain("ent-huaxin", "HX-");

            // the latest hour over (a silent one) is poor data: it counts in Huaxin's risk
            await().atMost(Duration.ofSeconds(60)).until(() -> RiskIT.causes(RiskIT.enterprise(duty, "ent-huaxin"))
                    .contains("data-quality"));

            // the day's report, as the regulator gets it
            String day = Instant.ofEpochMilli(hour).atZone(zone).toLocalDate().toString();
            Path csv = tmp.resolve("quality.csv");
            StringWriter err = new StringWriter();
            var cli = ParkWatchCli.commandLine(Locale.SIMPLIFIED_CHINESE);
            cli.setErr(new PrintWriter(err));
            int code = cli.execute("report", "data-quality", "--day", day, "--out", csv.toString(),
                    "--kafka", park.kafkaBootstrap());
            assertThat(code).as(err.toString()).isZero();
            String report = Files.readString(csv, StandardCharsets.UTF_8);
            Files.copy(csv, Path.of("target/data-quality-report.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(report).startsWith("\uFEFF层级,对象,企业,点位小时数,在线率(%),完整率(%)");
            // the scripted hour is its day's last, and the day's only one the job saw
            assertThat(report).contains("点位,HX-T101-TT,ent-huaxin,1,83.39,83.33,3000,3600,");
            assertThat(report).containsPattern("企业,ent-huaxin,ent-huaxin,\\d+,");
            assertThat(err.toString()).contains("的数据质量");

            // once the next day's first hour is over, the day's data quality went to the platform, valid
            JsonNode pushed = await().atMost(Duration.ofSeconds(90)).until(() -> feed.stream().filter(m -> m.path("id")
                    .asText().equals("data-quality:" + day + ":enterprise:ent-huaxin")).findFirst().orElse(null),
                    m -> m != null);
            assertThat(pushed.path("data").path("received").asLong()).isEqualTo(3000);
            assertThat(pushed.path("data").path("expected").asLong()).isEqualTo(3600L * 8);
            assertThat(pushed.path("data").path("onlineRate").asDouble()).isEqualTo(0.8339);
            assertThat(feed).allSatisfy(m -> assertThat(FeedSchema.problems(m)).as(m.toString()).isEmpty());
        } finally {
            province.stop(0);
        }
    }

    static void send(KafkaProducer<String, byte[]> p, Reading r) {
        p.send(new ProducerRecord<>(Topics.READINGS, r.pointId(), ReadingJson.write(r)));
    }

    static JsonNode row(JsonNode rows, String subject) {
        for (JsonNode r : rows) {
            if (subject.equals(r.path("subject").asText())) {
                return r;
            }
        }
        throw new AssertionError(subject + " not in " + rows);
    }
}
