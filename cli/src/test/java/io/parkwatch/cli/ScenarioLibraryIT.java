package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.simulator.scenario.Scenario;
import io.parkwatch.simulator.scenario.ScenarioFile;
import io.parkwatch.simulator.scenario.Verification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of the library, each against a fresh ParkWatch in one JVM (a finished scenario leaves
 * silent loggers behind), passes what {@code parkwatch simulate --verify} checks: every expected alert
 * raised in its window with its level, nothing unexpected.
 */
@Execution(ExecutionMode.CONCURRENT) // beside the other ITs, each scenario on its own standalone (junit-platform.properties)
class ScenarioLibraryIT {

    static final Path ROOT = StandaloneEndToEndIT.ROOT;

    @TempDir
    Path tmp;

    static Stream<String> scenarios() throws IOException {
        String only = System.getProperty("scenario");
        try (Stream<Path> files = Files.list(ROOT.resolve("scenarios"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).filter(n -> only == null || only.equals(n)).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioPassesItsVerification(String name) throws Exception {
        verify(name, false);
    }

    /**
     * The same park reporting through HJ 212 data loggers (config/hj212.yaml) instead of MQTT; and each alarm of it
     * leaves its record: the readings of its point and neighbours around it, with the report that prints them.
     */
    @org.junit.jupiter.api.Test
    void theGasLeakOverHj212PassesTooAndLeavesTheRecordOfItsAlarm() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("scenario") == null);
        verify("gas-leak-spreading", true);
    }

    void verify(String name, boolean hj212) throws Exception {
        PointRegistry park = PointRegistryFile.parse(YamlSource.read(ROOT.resolve("config/points.yaml")));
        Scenario scenario = ScenarioFile.load(ROOT.resolve("scenarios").resolve(name + ".yaml"), park);
        Settings settings = Settings.load(ROOT.resolve("config/parkwatch.yaml"), Map.of())
                .with("kafka.data-dir", tmp.resolve("kafka")).with("kafka.port", 0)
                .with("gateway.bind", "127.0.0.1").with("gateway.mqtt-port", 0).with("gateway.hj212.port", 0)
                .with("gateway.metrics-port", 0).with("console.metrics-port", 0)
                .with("console.bind", "127.0.0.1").with("console.http-port", 0)
                .with("console.session-file", "")
                .with("job.checkpoint-dir", tmp.resolve("checkpoints"))
                .with("console.context-before", "1m").with("console.context-after", "5s");
        // a DingTalk group for the park: what people would read, to count messages with incident grouping
        Map<String, Long> toPeople = new java.util.concurrent.ConcurrentHashMap<>();
        com.sun.net.httpserver.HttpServer group = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        group.createContext("/robot/send", x -> {
            toPeople.putIfAbsent(x.getRequestHeaders().getFirst("Idempotency-Key"), System.currentTimeMillis());
            x.getRequestBody().readAllBytes();
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes();
            x.sendResponseHeaders(200, ok.length);
            x.getResponseBody().write(ok);
            x.close();
        });
        group.start();
        // a tighter flood than EEMUA's, to measure what incident grouping saves (-Dflood-above=3 -Dflood-window=2m)
        if (System.getProperty("flood-above") != null) {
            settings = settings.with("incidents.flood-above", Integer.getInteger("flood-above"))
                    .with("incidents.flood-window", System.getProperty("flood-window", "10m"));
        }
        settings = settings.withValue("notifier.webhooks", java.util.List.of(Map.of("name", "park-group",
                "format", "dingtalk", "url", "http://127.0.0.1:" + group.getAddress().getPort() + "/robot/send")));
        try (ParkWatchStandalone parkWatch = ParkWatchStandalone.start(settings, ROOT);
                io.parkwatch.embeddedkafka.TopicRecorder events = new io.parkwatch.embeddedkafka.TopicRecorder(
                        parkWatch.kafkaBootstrap(), io.parkwatch.rules.wire.Topics.ALERT_EVENTS);
                io.parkwatch.embeddedkafka.TopicRecorder incidents = new io.parkwatch.embeddedkafka.TopicRecorder(
                        parkWatch.kafkaBootstrap(), io.parkwatch.rules.wire.Topics.INCIDENTS);
                io.parkwatch.embeddedkafka.TopicRecorder risk = new io.parkwatch.embeddedkafka.TopicRecorder(
                        parkWatch.kafkaBootstrap(), io.parkwatch.rules.wire.Topics.RISK_WARNINGS)) {
            io.parkwatch.simulator.Uplink uplink = hj212 ? SimulateCommand.hj212Loggers(settings, ROOT, park, "127.0.0.1",
                    parkWatch.gateway().hj212Port()) : null;
            Verification.Report report = ScenarioRun.run(scenario, parkWatch.points(), SimulateCommand.logins(settings),
                    "tcp://127.0.0.1:" + parkWatch.mqttPort(), parkWatch.kafkaBootstrap(), true, uplink);
            System.out.print(report.text());
            assertThat(report.passed()).as(report.text()).isTrue();
            if (!hj212) {
                figures(name, events, incidents, toPeople, report.start(), report.end());
                riskChanges(name, risk, report.start());
            }
            if (hj212) {
                alarmRecord(parkWatch);
            }
        } finally {
            group.stop(0);
        }
    }

    /**
     * For the table in docs/incidents.md: alarms raised, incidents, messages to people without and with incident
     * grouping (each announced event would be one message; the group's messages are counted as it got them), and how
     * long after its detection the first level-2 alarm reached the group. Printed and kept in
     * target/scenario-figures.txt.
     */
    static void figures(String name, io.parkwatch.embeddedkafka.TopicRecorder events,
            io.parkwatch.embeddedkafka.TopicRecorder incidents, Map<String, Long> toPeople, long start, long end)
            throws Exception {
        // everything on the two topics now, read to their ends (one poll may return only part of it)
        events.drain(java.time.Duration.ofSeconds(30));
        incidents.drain(java.time.Duration.ofSeconds(30));
        // what the run did (after it the loggers fall silent: their offline alarms are not the scenario's)
        java.util.List<io.parkwatch.rules.model.AlertEvent> all = events.records().stream()
                .map(r -> io.parkwatch.rules.wire.WireJson.alertEvent(r.value()))
                .filter(e -> e.eventTime() >= start && e.eventTime() <= end).toList();
        java.util.Set<String> runAlerts = all.stream().map(io.parkwatch.rules.model.AlertEvent::alertId)
                .collect(java.util.stream.Collectors.toSet());
        long alarms = all.stream().filter(e -> e.type() == io.parkwatch.rules.model.AlertEventType.RAISED)
                .map(io.parkwatch.rules.model.AlertEvent::alertId).distinct().count();
        long announced = all.stream().filter(io.parkwatch.rules.model.AlertEvent::announced)
                .map(io.parkwatch.rules.model.AlertEvent::eventId).distinct().count();
        long opened = incidents.records().stream().map(r -> io.parkwatch.rules.wire.WireJson.read(r.value(),
                io.parkwatch.rules.incident.IncidentEvent.class))
                .filter(e -> runAlerts.contains(e.incident().firstOut().alertId()))
                .map(e -> e.incident().incidentId()).distinct().count();
        String level2 = all.stream().filter(e -> e.level() == io.parkwatch.rules.model.Level.CRITICAL
                && (e.type() == io.parkwatch.rules.model.AlertEventType.RAISED
                        || e.type() == io.parkwatch.rules.model.AlertEventType.LEVEL_CHANGED))
                .filter(e -> toPeople.containsKey(e.eventId())).findFirst()
                .map(e -> (toPeople.get(e.eventId()) - e.detectedAt()) + " ms").orElse("-");
        long messages = toPeople.entrySet().stream().filter(m -> m.getKey() != null && (m.getKey().startsWith("digest-")
                || all.stream().anyMatch(e -> e.eventId().equals(m.getKey())))).count();
        String flood = System.getProperty("flood-above") == null ? "" : " (flood above " + System.getProperty("flood-above")
                + " in " + System.getProperty("flood-window", "10m") + ")";
        String line = String.format("| %s%s | %d | %d | %d | %d | %s |", name, flood, alarms, opened, announced, messages,
                level2);
        System.out.println("FIGURES " + line);
        Path out = ROOT.resolve("cli/target/scenario-figures.txt");
        Files.writeString(out, line + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * For the closing note of the early-warning work: each colour change the run caused, with its score and main
     * causes (the demo model; at speed 10 the run's event time runs ahead of the wall clock). Printed and kept in
     * target/scenario-risk.txt.
     */
    static void riskChanges(String name, io.parkwatch.embeddedkafka.TopicRecorder risk, long start) throws Exception {
        risk.drain(java.time.Duration.ofSeconds(10));
        StringBuilder b = new StringBuilder();
        risk.records().stream().map(r -> io.parkwatch.rules.wire.WireJson.read(r.value(),
                io.parkwatch.rules.risk.RiskWarning.class)).forEach(w -> b.append(String.format(
                "| %s | +%d s | %s | %s -> %s | %s | %.1f | %s |%n", name, (w.level().at() - start) / 1000,
                w.level().subject(), w.previous().wire(), w.level().colour().wire(), w.kind(), w.level().score(),
                String.join(", ", w.level().reasons().stream().limit(4).map(r -> r.cause() + " " + r.points()).toList()))));
        System.out.print("RISK\n" + b);
        Files.writeString(ROOT.resolve("cli/target/scenario-risk.txt"), b.toString(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** The leak's first alarm: its context record on the topic, and its report as JSON and as a page. */
    static void alarmRecord(ParkWatchStandalone parkWatch) throws Exception {
        try (io.parkwatch.embeddedkafka.TopicRecorder contexts = new io.parkwatch.embeddedkafka.TopicRecorder(
                parkWatch.kafkaBootstrap(), io.parkwatch.rules.wire.Topics.ALERT_CONTEXTS);
                io.parkwatch.embeddedkafka.TopicRecorder events = new io.parkwatch.embeddedkafka.TopicRecorder(
                        parkWatch.kafkaBootstrap(), io.parkwatch.rules.wire.Topics.ALERT_EVENTS)) {
            java.util.function.Supplier<java.util.Optional<io.parkwatch.rules.model.AlertEvent>> leak = () -> events
                    .records().stream().map(r -> io.parkwatch.rules.wire.WireJson.alertEvent(r.value()))
                    .filter(e -> e.type() == io.parkwatch.rules.model.AlertEventType.RECOVERED
                            && "combustible-gas".equals(e.ruleId()) && "HX-T101-GT1".equals(e.pointId()))
                    .findFirst();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> leak.get().isPresent());
            String alertId = leak.get().orElseThrow().alertId();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> contexts.records()
                    .stream().anyMatch(r -> r.key().equals(alertId)));
            com.fasterxml.jackson.databind.JsonNode record = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    contexts.records().stream().filter(r -> r.key().equals(alertId)).reduce((a, b) -> b)
                            .orElseThrow().value());
            assertThat(record.path("complete").asBoolean()).isTrue();
            assertThat(record.path("points").get(0).path("pointId").asText()).isEqualTo("HX-T101-GT1");
            assertThat(record.path("points").findValuesAsText("relation")).contains("alarm", "tank");
            // from a minute before the raise: the quiet readings before the leak are in it, and the peak
            com.fasterxml.jackson.databind.JsonNode own = record.path("points").get(0).path("readings");
            assertThat(own.size()).isGreaterThan(30);
            assertThat(own.get(0).path("v").asDouble()).isLessThan(10);
            double peak = 0;
            for (com.fasterxml.jackson.databind.JsonNode s : own) {
                peak = Math.max(peak, s.path("v").asDouble());
            }
            assertThat(peak).isGreaterThan(25);

            io.parkwatch.console.ConsoleClient duty = new io.parkwatch.console.ConsoleClient(parkWatch.consolePort());
            assertThat(duty.login("duty", "duty-demo")).isEqualTo(200);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
                com.fasterxml.jackson.databind.JsonNode report = duty.json("/api/alerts/" + alertId + "/report");
                assertThat(report.path("contextSource").asText()).isEqualTo("recorded");
                assertThat(report.path("rationale").path("action").asText()).startsWith("确认泄漏点");
                assertThat(report.path("ruleVersion").path("version").asInt()).isEqualTo(1);
                assertThat(report.path("timeline").findValuesAsText("type")).contains("RAISED", "RECOVERED");
            });
            io.parkwatch.console.ConsoleClient.Response page = duty.get("/api/alerts/" + alertId + "/report?format=html");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>报警报告：HX-T101-GT1</h1>", "确认泄漏点", "<polyline", "同一储罐或装置");
            com.fasterxml.jackson.databind.JsonNode report = duty.json("/api/alerts/" + alertId + "/report");
            StringBuilder summary = new StringBuilder("report of " + alertId + " (" + page.body().length()
                    + " characters of HTML):\n  alert: " + report.path("alert").path("message").asText()
                    + "\n  rationale: " + report.path("rationale") + "\n  rule version: " + report.path("ruleVersion")
                    + "\n  timeline: " + report.path("timeline").findValuesAsText("type") + "\n  context:");
            for (com.fasterxml.jackson.databind.JsonNode p : report.path("context").path("points")) {
                com.fasterxml.jackson.databind.JsonNode r = p.path("readings");
                summary.append("\n    ").append(p.path("pointId").asText()).append(" (").append(p.path("relation").asText())
                        .append("): ").append(r.size()).append(" readings")
                        .append(r.size() > 0 ? ", first " + r.get(0).path("v") + ", last " + r.get(r.size() - 1).path("v") : "");
            }
            System.out.println(summary);
        }
    }
}
