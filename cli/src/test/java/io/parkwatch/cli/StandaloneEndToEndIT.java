package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkwatch.console.BoardSocketClient;
import io.parkwatch.console.ConsoleClient;
import io.parkwatch.recorder.EmbeddedQuestDb;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.model.AlertCommand;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import io.parkwatch.simulator.DeviceLogin;
import io.parkwatch.simulator.Incident;
import io.parkwatch.simulator.ParkSimulator;
import io.parkwatch.simulator.Profile;
import io.parkwatch.simulator.SimulationPlan;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path in one JVM with real parts: embedded KRaft Kafka, the Netty MQTT gateway, the Flink
 * job in a MiniCluster, the console, QuestDB behind the InfluxDB v2 write API, and the Paho simulator
 * publishing the gas-leak incident.
 */
class StandaloneEndToEndIT {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final String LEAK_POINT = "HX-T101-GT1";
    static final String HOVER_POINT = "DH-V201-GT1";
    static final ObjectMapper JSON = new ObjectMapper();
    /** What the rules decide; the people's part of the life cycle (escalation, acknowledgement) is checked apart. */
    static final java.util.Set<AlertEventType> DETECTION = java.util.EnumSet.of(AlertEventType.RAISED,
            AlertEventType.LEVEL_CHANGED, AlertEventType.RECOVERED);

    @TempDir
    Path tmp;

    @Test
    void gasLeakIsRaisedEscalatedAndRecoveredOnKafkaInTheTimeSeriesStoreAndOnTheConsole() throws Exception {
        // a duty room's webhook, and short escalation delays so the test sees the chain move
        List<JsonNode> delivered = new CopyOnWriteArrayList<>();
        HttpServer dutyRoom = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dutyRoom.createContext("/hook", x -> {
            delivered.add(JSON.readTree(x.getRequestBody().readAllBytes()));
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        dutyRoom.start();
        Path contacts = tmp.resolve("contacts.yaml");
        Files.writeString(contacts, Files.readString(ROOT.resolve("config/contacts.yaml"))
                .replaceAll("(\\d+)m([ ,}\\n])", "$1s$2")); // every tier's minutes as seconds
        // the day's safety commitments due at midnight: missing from the start, whatever the time of day
        Path risk = tmp.resolve("risk.yaml");
        Files.writeString(risk, Files.readString(ROOT.resolve("config/risk.yaml")).replace("due: \"09:00\"",
                "due: \"00:00\""));
        try (EmbeddedQuestDb questdb = new EmbeddedQuestDb(tmp.resolve("questdb")).start()) {
            Settings settings = Settings.load(ROOT.resolve("config/parkwatch.yaml"), Map.of())
                    .with("kafka.data-dir", tmp.resolve("kafka")).with("kafka.port", 0)
                    .with("gateway.bind", "127.0.0.1").with("gateway.mqtt-port", 0).with("gateway.hj212.port", 0).with("gateway.metrics-port", 0).with("console.metrics-port", 0)
                    .with("console.bind", "127.0.0.1").with("console.http-port", 0)
                    .with("job.checkpoint-dir", tmp.resolve("checkpoints")).with("job.checkpoint-interval", "2s")
                    .with("influxdb.url", questdb.url()).with("influxdb.token", "t").with("influxdb.org", "park")
                    .with("influxdb.bucket", "parkwatch")
                    .with("files.contacts", contacts.toString()).with("files.risk", risk.toString())
                    .withValue("notifier.webhooks", List.of(Map.of("name", "duty-room",
                            "url", "http://127.0.0.1:" + dutyRoom.getAddress().getPort() + "/hook")));
            try (ParkWatchStandalone park = ParkWatchStandalone.start(settings, ROOT);
                    TopicRecorder events = new TopicRecorder(park.kafkaBootstrap(), Topics.ALERT_EVENTS)) {
                ConsoleClient duty = new ConsoleClient(park.consolePort());
                assertThat(duty.login("duty", "duty-demo")).isEqualTo(200); // a demo account of config/users.yaml
                // the demo passwords are in force: park officers are told so, by name of each account
                JsonNode status = JSON.readTree(duty.get("/api/status").body());
                assertThat(status.path("warnings").findValuesAsText("kind")).contains("DEMO_CREDENTIALS");
                assertThat(status.toString()).contains("控制台用户 duty", "设备 huaxin-dl01",
                        "数据采集仪 HX20260001A0000000000001");
                assertThat(duty.get("/api/status?lang=en").body()).contains("console user duty", "device huaxin-dl01",
                        "data logger HX20260001A0000000000001");
                assertThat(status.path("channels")).hasSize(1); // the duty-room webhook, healthy
                assertThat(status.path("warnings").findValuesAsText("kind")).doesNotContain("DELIVERY_FAILING");
                BoardSocketClient board = duty.board();

                List<DeviceLogin> logins = new ArrayList<>();
                settings.node("simulator.logins").forEach(n -> logins.add(new DeviceLogin(n.path("enterprise").asText(),
                        n.path("username").asText(), n.path("password").asText())));
                Incident hover = new Incident("detector hovering at its limit", 5,
                        Map.of(HOVER_POINT, Profile.of(0, 25.5, 60, 25.5)));
                SimulationPlan plan = new SimulationPlan("tcp://127.0.0.1:" + park.mqttPort(), logins,
                        List.of(Incident.gasLeakAtT101(5), hover), Duration.ofSeconds(100), 10, Duration.ofSeconds(1), 42);
                try (ParkSimulator sim = new ParkSimulator(park.points(), plan).connect()) {
                    sim.run();
                    await().atMost(Duration.ofSeconds(30)).until(() -> sim.acknowledged() == sim.sent());
                    long leakStart = sim.simulationStart() + 5_000;

                    // Kafka: exactly these events for the leaking detector, once each, in this order.
                    await().atMost(Duration.ofSeconds(60)).until(() -> eventsOf(events, LEAK_POINT).size() >= 3
                            && eventsOf(events, HOVER_POINT).size() >= 2);
                    List<AlertEvent> leak = eventsOf(events, LEAK_POINT);
                    assertThat(leak).extracting(AlertEvent::type, AlertEvent::level).containsExactly(
                            tuple(AlertEventType.RAISED, Level.ALARM),
                            tuple(AlertEventType.LEVEL_CHANGED, Level.CRITICAL),
                            tuple(AlertEventType.RECOVERED, Level.CRITICAL));
                    // The profile passes 25 %LEL about 22 s into the leak; with the 2 s on-delay and noise:
                    assertThat(leak.get(0).eventTime() - leakStart).isBetween(19_000L, 28_000L);
                    assertThat(leak.get(1).eventTime() - leakStart).isBetween(30_000L, 42_000L);
                    assertThat(leak.get(2).eventTime() - leakStart).isBetween(60_000L, 75_000L);
                    String alertId = leak.get(0).alertId();
                    assertThat(leak).extracting(AlertEvent::alertId).containsOnly(alertId);

                    // Hovering at 25.5 +/- noise for a minute: one alert, raised once and recovered once.
                    assertThat(eventsOf(events, HOVER_POINT)).extracting(AlertEvent::type)
                            .containsExactly(AlertEventType.RAISED, AlertEventType.RECOVERED);
                    // Nothing else in the park alarmed: only the leak and the hovering detector, through the gas
                    // rules (their rise also trips the rate and trend warnings), and loggers going silent once the
                    // simulation ends. And nothing was emitted twice.
                    List<AlertEvent> all = events.records().stream().map(r -> WireJson.alertEvent(r.value())).toList();
                    assertThat(all).allSatisfy(e -> {
                        if (e.ruleId().equals("offline")) {
                            assertThat(e.pointId()).startsWith("logger:");
                        } else if (e.pointId().equals("HX-T101-GT2")) {
                            // the neighbouring detector sees part of the leak: an early rate warning, no alarm
                            assertThat(e.ruleId()).isIn("combustible-gas-rate", "combustible-gas-trend");
                        } else {
                            assertThat(e.pointId()).isIn(LEAK_POINT, HOVER_POINT);
                            assertThat(e.ruleId()).isIn("combustible-gas", "combustible-gas-rate", "combustible-gas-trend");
                        }
                    });
                    assertThat(all).extracting(AlertEvent::eventId).doesNotHaveDuplicates();
                    assertThat(all.stream().filter(e -> e.ruleId().equals("combustible-gas") && DETECTION.contains(e.type())))
                            .hasSize(5);

                    // The time-series store received the same events through the InfluxDB v2 write API.
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(questdb.query(
                            "SELECT type, level, event_id FROM alert_event WHERE rule = 'combustible-gas' AND point = '" + LEAK_POINT
                                    + "' AND type IN ('RAISED', 'LEVEL_CHANGED', 'RECOVERED') ORDER BY timestamp"))
                            .extracting(r -> r.get("type") + "/" + r.get("level") + "/" + r.get("event_id"))
                            .containsExactlyElementsOf(leak.stream()
                                    .map(e -> e.type() + "/" + e.level().label() + "/" + e.eventId()).toList()));

                    // ...and every enterprise's live risk level, and the warnings (each commitment is missing)
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(questdb.query(
                            "SELECT DISTINCT subject FROM risk")).extracting(r -> r.get("subject"))
                            .contains("ent-huaxin", "ent-donghai", "ent-xinyuan", "park"));
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(questdb.query(
                            "SELECT subject FROM risk_warning WHERE kind = 'commitment-missing'"))
                            .extracting(r -> r.get("subject")).contains("ent-huaxin", "ent-donghai", "ent-xinyuan"));
                    // the duty room's webhook was told too (a system: every notice, as JSON)
                    await().atMost(Duration.ofSeconds(30)).until(() -> delivered.stream().anyMatch(d -> d.get("event")
                            .get("type").asText().equals("RISK_WARNING")));

                    // The console pushed the alert live and serves its final state.
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(board.pushedAlerts().stream()
                            .filter(a -> a.get("id").asText().equals(alertId))
                            .map(a -> a.get("state").asText() + "/" + a.get("level").asText()).distinct().toList())
                            .containsSubsequence("ACTIVE/ALARM", "ACTIVE/CRITICAL", "RECOVERED/CRITICAL"));
                    JsonNode fromApi = null;
                    for (JsonNode a : duty.json("/api/alerts")) {
                        if (a.get("id").asText().equals(alertId)) {
                            fromApi = a;
                        }
                    }
                    assertThat(fromApi).isNotNull();
                    assertThat(fromApi.get("point").asText()).isEqualTo(LEAK_POINT);
                    assertThat(fromApi.get("enterprise").asText()).isEqualTo("ent-huaxin");
                    assertThat(fromApi.get("rule").asText()).isEqualTo("combustible-gas");
                    assertThat(fromApi.get("level").asText()).isEqualTo("CRITICAL");
                    assertThat(fromApi.get("state").asText()).isEqualTo("RECOVERED");
                    assertThat(fromApi.get("peakValue").asDouble()).isGreaterThan(55);
                    assertThat(fromApi.get("raisedAt").asText()).isNotBlank();

                    // The people's part: nobody answered at first, so it escalated; then the shift lead
                    // acknowledges and, the leak being over, closes it with a disposal note.
                    await().atMost(Duration.ofSeconds(30)).until(() -> lifecycle(events, alertId).contains(AlertEventType.ESCALATED));
                    command(park, alertId, AlertCommand.Type.ACKNOWLEDGE, null);
                    command(park, alertId, AlertCommand.Type.CLOSE, "leaking flange at T-101 outlet re-tightened, gas-free");
                    await().atMost(Duration.ofSeconds(30)).until(() -> lifecycle(events, alertId).contains(AlertEventType.CLOSED));
                    List<AlertEventType> steps = lifecycle(events, alertId);
                    assertThat(steps).containsSubsequence(AlertEventType.RAISED, AlertEventType.LEVEL_CHANGED,
                            AlertEventType.RECOVERED, AlertEventType.ACKNOWLEDGED, AlertEventType.CLOSED);
                    // escalation ran while nobody answered, and stopped with the acknowledgement
                    assertThat(steps.lastIndexOf(AlertEventType.ESCALATED)).isBetween(1, steps.indexOf(AlertEventType.ACKNOWLEDGED));
                    assertThat(steps.get(steps.size() - 1)).isEqualTo(AlertEventType.CLOSED);
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(board.pushedAlerts().stream()
                            .filter(a -> a.get("id").asText().equals(alertId)).map(a -> a.get("state").asText()))
                            .contains("CLOSED"));
                    // and the duty room's webhook got every step of it, each once
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                        List<String> hooked = delivered.stream().map(d -> d.get("event"))
                                .filter(ev -> ev.get("alertId").asText().equals(alertId))
                                .map(ev -> ev.get("type").asText()).toList();
                        assertThat(hooked).contains("RAISED", "ESCALATED", "LEVEL_CHANGED", "RECOVERED", "ACKNOWLEDGED", "CLOSED");
                        assertThat(delivered.stream().map(d -> d.get("idempotencyKey").asText()).toList()).doesNotHaveDuplicates();
                    });
                }
                board.close();
            }
        } finally {
            dutyRoom.stop(0);
        }
    }

    static List<AlertEventType> lifecycle(TopicRecorder r, String alertId) {
        Map<String, AlertEventType> byId = new LinkedHashMap<>();
        r.records().forEach(rec -> {
            AlertEvent e = WireJson.alertEvent(rec.value());
            if (alertId.equals(e.alertId())) {
                byId.putIfAbsent(e.eventId(), e.type());
            }
        });
        return List.copyOf(byId.values());
    }

    static void command(ParkWatchStandalone park, String alertId, AlertCommand.Type type, String note) throws Exception {
        String key = io.parkwatch.rules.model.Alert.key("combustible-gas", LEAK_POINT, io.parkwatch.rules.model.Direction.HIGH);
        AlertCommand c = new AlertCommand(java.util.UUID.randomUUID().toString(), type, alertId, key, "Zhang Wei",
                AlertCommand.Role.ENTERPRISE_OPERATOR, "ent-huaxin", note, System.currentTimeMillis());
        try (var p = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(Map.of("bootstrap.servers",
                park.kafkaBootstrap()), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            p.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.COMMANDS, key, WireJson.write(c)))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    static List<AlertEvent> eventsOf(TopicRecorder r, String point) {
        Map<String, AlertEvent> byId = new LinkedHashMap<>();
        r.records().forEach(rec -> {
            AlertEvent e = WireJson.alertEvent(rec.value());
            if (e.pointId().equals(point) && e.ruleId().equals("combustible-gas") && DETECTION.contains(e.type())) {
                byId.putIfAbsent(e.eventId(), e);
            }
        });
        return List.copyOf(byId.values());
    }
}
