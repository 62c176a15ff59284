package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkwatch.console.ConsoleClient;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.HoldBack;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.operations.OverdueReturns;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Alarm management through the real job, the console API and the command line: an instrument out of service (its
 * alarm held back, then the maintenance alarm when it stays out beyond its expected return, cleared when it comes
 * back); a mode set from the console and from {@code parkwatch mode set} silencing and restoring a rule; a rule
 * changed with a reason, its version on the next alert, and {@code parkwatch config history|diff}.
 */
class PlantOperationsIT {

    static final Path ROOT = StandaloneEndToEndIT.ROOT;
    static final String GAS = "HX-T101-GT1";
    static final String REACTOR = "XY-R301-TT";

    @TempDir
    Path tmp;

    @Test
    void outOfServiceModesAndTheRuleVersionThroughJobConsoleAndCommandLine() throws Exception {
        // a rule silent while the reactor is shut down or in start-up, beside the demo rules
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, Files.readString(ROOT.resolve("config/rules.yaml")) + """

                  - id: reactor-cold
                    type: threshold
                    description: 反应釜温度过低（运行时）
                    match: { points: [XY-R301-TT] }
                    low: { warn: 40 }
                    on-delay: 5s
                    suppressed-in-modes: [shut-down, start-up]
                """);
        // (the on-delay gives the job the seconds it takes to read a new operations or rules document from the config
        // topic: whether an alarm is held back is decided when it is raised, under the documents in force then)
        Settings settings = LocalPark.settings(tmp).with("files.rules", rules.toString());
        Map<String, AtomicReference<Double>> values = Map.of(GAS, new AtomicReference<>(3.0), REACTOR,
                new AtomicReference<>(80.0));
        ScheduledExecutorService devices = Executors.newSingleThreadScheduledExecutor();
        try (ParkWatchStandalone park = ParkWatchStandalone.start(settings, ROOT);
                TopicRecorder events = new TopicRecorder(park.kafkaBootstrap(), Topics.ALERT_EVENTS);
                KafkaProducer<String, byte[]> readings = new KafkaProducer<>(Map.of("bootstrap.servers",
                        park.kafkaBootstrap()), new StringSerializer(), new ByteArraySerializer())) {
            devices.scheduleAtFixedRate(() -> values.forEach((point, v) -> {
                long now = System.currentTimeMillis();
                String enterprise = point.equals(GAS) ? "ent-huaxin" : "ent-xinyuan";
                readings.send(new ProducerRecord<>(Topics.READINGS, point, ReadingJson.write(
                        new Reading(point, enterprise, now, v.get(), Quality.N, now))));
            }), 0, 1, TimeUnit.SECONDS);
            ConsoleClient duty = new ConsoleClient(park.consolePort());
            assertThat(duty.login("duty", "duty-demo")).isEqualTo(200);
            Settings cli = settings.with("kafka.embedded", "false").with("kafka.bootstrap-servers", park.kafkaBootstrap());
            ZoneId zone = ZoneId.of("Asia/Shanghai");

            // 1. the gas detector out of service until 25 s from now
            String back = OffsetDateTime.now(zone).plusSeconds(25).truncatedTo(ChronoUnit.SECONDS).toString();
            assertThat(duty.post("/api/points/" + GAS + "/out-of-service", "{\"reason\": \"探头更换\"}").status())
                    .isEqualTo(400);
            ConsoleClient.Response oos = duty.post("/api/points/" + GAS + "/out-of-service",
                    "{\"reason\": \"探头更换\", \"expectedReturn\": \"" + back + "\"}");
            assertThat(oos.status()).as(oos.body()).isEqualTo(200);
            assertThat(oos.json().path("outOfService")).extracting(n -> n.path("point").asText()).containsExactly(GAS);
            await().atMost(Duration.ofSeconds(10)).until(() -> duty.json("/api/operations").path("outOfService").size() == 1);
            // its readings still arrive; its alarm is raised, shown and held back
            values.get(GAS).set(30.0);
            await().atMost(Duration.ofSeconds(60)).until(() -> !of(events, e -> e.type() == AlertEventType.RAISED
                    && GAS.equals(e.pointId()) && "combustible-gas".equals(e.ruleId())).isEmpty());
            AlertEvent held = of(events, e -> e.type() == AlertEventType.RAISED && "combustible-gas".equals(e.ruleId())
                    && GAS.equals(e.pointId())).get(0);
            assertThat(held.heldBack()).isEqualTo(HoldBack.OUT_OF_SERVICE);
            assertThat(held.heldBackBy()).isEqualTo("探头更换");
            assertThat(duty.json("/api/alerts/" + held.alertId()).path("alert").path("state").asText())
                    .isEqualTo("OUT_OF_SERVICE");
            // beyond its expected return: the maintenance alarm, announced
            await().atMost(Duration.ofSeconds(60)).until(() -> !of(events, e -> e.type() == AlertEventType.RAISED
                    && OverdueReturns.RULE_ID.equals(e.ruleId())).isEmpty());
            AlertEvent overdue = of(events, e -> OverdueReturns.RULE_ID.equals(e.ruleId())).get(0);
            assertThat(overdue.pointId()).isEqualTo(GAS);
            assertThat(overdue.announced()).isTrue();
            assertThat(overdue.eventTime()).isEqualTo(OffsetDateTime.parse(back).toInstant().toEpochMilli());
            assertThat(duty.json("/api/operations").path("outOfService").get(0).path("overdue").asBoolean()).isTrue();
            // back in service: the maintenance alarm recovers
            assertThat(duty.post("/api/points/" + GAS + "/return-to-service", "{}").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> !of(events, e -> e.type() == AlertEventType.RECOVERED
                    && OverdueReturns.RULE_ID.equals(e.ruleId())).isEmpty());
            assertThat(duty.post("/api/points/" + GAS + "/return-to-service", "{}").status()).isEqualTo(409);

            // 2. the reactor shut down from the console: its low-temperature alarm is suppressed by mode
            ConsoleClient.Response shut = duty.post("/api/modes",
                    "{\"subject\": \"R-301\", \"mode\": \"shut-down\", \"reason\": \"计划停车检修\"}");
            assertThat(shut.status()).as(shut.body()).isEqualTo(200);
            assertThat(duty.post("/api/modes", "{\"subject\": \"R-301\", \"mode\": \"half-speed\", \"reason\": \"x\"}")
                    .status()).isEqualTo(400);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(duty.json("/api/operations")
                    .path("modes").findValuesAsText("mode")).contains("shut-down"));
            values.get(REACTOR).set(20.0);
            await().atMost(Duration.ofSeconds(60)).until(() -> !of(events, e -> "reactor-cold".equals(e.ruleId())
                    && e.type() == AlertEventType.RAISED).isEmpty());
            AlertEvent cold = of(events, e -> "reactor-cold".equals(e.ruleId()) && e.type() == AlertEventType.RAISED).get(0);
            assertThat(cold.heldBack()).isEqualTo(HoldBack.SUPPRESSED_BY_MODE);
            assertThat(cold.heldBackBy()).isEqualTo("shut-down");
            values.get(REACTOR).set(80.0);
            await().atMost(Duration.ofSeconds(60)).until(() -> !of(events, e -> "reactor-cold".equals(e.ruleId())
                    && e.type() == AlertEventType.RECOVERED).isEmpty());
            closeAfterRecovery(duty, cold.alertId()); // the next excursion is a new alarm, not a repeat of this one

            // 3. running again, set from the command line: the same condition is announced
            StringWriter out = new StringWriter();
            CommandLine c = ParkWatchCli.commandLine(Locale.SIMPLIFIED_CHINESE);
            c.setOut(new PrintWriter(out, true));
            c.setErr(new PrintWriter(out, true));
            assertThat(c.execute("mode", "set", "R-301", "running", "--reason", "检修完毕，恢复运行", "--kafka",
                    park.kafkaBootstrap())).as(out.toString()).isZero();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(duty.json("/api/operations")
                    .path("modes").toString()).contains("\"subject\":\"R-301\"", "\"mode\":\"running\"", "检修完毕"));
            values.get(REACTOR).set(20.0);
            await().atMost(Duration.ofSeconds(60)).until(() -> of(events, e -> "reactor-cold".equals(e.ruleId())
                    && e.type() == AlertEventType.RAISED).size() == 2);
            AlertEvent announced = of(events, e -> "reactor-cold".equals(e.ruleId())
                    && e.type() == AlertEventType.RAISED).get(1);
            assertThat(announced.heldBack()).isNull();
            values.get(REACTOR).set(80.0);
            await().atMost(Duration.ofSeconds(60)).until(() -> of(events, e -> "reactor-cold".equals(e.ruleId())
                    && e.type() == AlertEventType.RECOVERED).size() >= 2);
            closeAfterRecovery(duty, announced.alertId());

            // 4. a rule changed with a reason: a new version, its diff in words, and its version on the next alert
            Path tighter = tmp.resolve("rules-v2.yaml");
            Files.writeString(tighter, Files.readString(rules).replace("low: { warn: 40 }", "low: { warn: 50 }"));
            StringWriter applied = new StringWriter();
            assertThat(ConfigFiles.apply("rules", tighter, park.kafkaBootstrap(), "开车后温度下限提高到 50 ℃",
                    new PrintWriter(applied, true), new PrintWriter(applied, true))).as(applied.toString()).isZero();
            StringWriter history = new StringWriter();
            CommandLine h = ParkWatchCli.commandLine(Locale.SIMPLIFIED_CHINESE);
            h.setOut(new PrintWriter(history, true));
            assertThat(h.execute("config", "history", "rules", "--kafka", park.kafkaBootstrap())).isZero();
            assertThat(history.toString()).contains("版本 1", "版本 2", "开车后温度下限提高到 50 ℃");
            StringWriter diff = new StringWriter();
            CommandLine d = ParkWatchCli.commandLine(Locale.SIMPLIFIED_CHINESE);
            d.setOut(new PrintWriter(diff, true));
            assertThat(d.execute("config", "diff", "rules", "1", "2", "--kafka", park.kafkaBootstrap())).isZero();
            assertThat(diff.toString()).contains("rules[reactor-cold].low.warn：由 40 改为 50");
            System.out.println(history);
            System.out.println(diff);
            // 45 ℃ is low only under version 2
            values.get(REACTOR).set(45.0);
            await().atMost(Duration.ofSeconds(60)).until(() -> of(events, e -> "reactor-cold".equals(e.ruleId())
                    && e.type() == AlertEventType.RAISED).size() == 3);
            AlertEvent underV2 = of(events, e -> "reactor-cold".equals(e.ruleId())
                    && e.type() == AlertEventType.RAISED).get(2);
            assertThat(underV2.ruleVersion()).isNotEqualTo(announced.ruleVersion()).isNotNull();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode v = duty.json("/api/alerts/" + underV2.alertId()).path("ruleVersion");
                assertThat(v.path("tag").asText()).isEqualTo(underV2.ruleVersion());
                assertThat(v.path("version").asInt()).isEqualTo(2);
                assertThat(v.path("reason").asText()).isEqualTo("开车后温度下限提高到 50 ℃");
            });
            // and an alert of a rationalized rule carries its rationalization in the detail
            JsonNode gasDetail = duty.json("/api/alerts/" + held.alertId());
            assertThat(gasDetail.path("rationale").path("action").asText()).startsWith("确认泄漏点");
            assertThat(gasDetail.path("ruleVersion").path("version").asInt()).isEqualTo(1);
        } finally {
            devices.shutdownNow();
        }
    }

    static void closeAfterRecovery(ConsoleClient duty, String alertId) throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> duty.json("/api/alerts/" + alertId).path("alert")
                .path("state").asText().equals("RECOVERED"));
        ConsoleClient.Response closed = duty.post("/api/alerts/" + alertId + "/close", "{\"note\": \"现场确认，温度正常\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    }

    static List<AlertEvent> of(TopicRecorder r, Predicate<AlertEvent> which) {
        Map<String, AlertEvent> byId = new LinkedHashMap<>();
        r.records().forEach(rec -> {
            AlertEvent e = WireJson.alertEvent(rec.value());
            if (which.test(e)) {
                byId.putIfAbsent(e.eventId(), e);
            }
        });
        return List.copyOf(byId.values());
    }
}
