package io.parkwatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkwatch.job.ParkConfig;
import io.parkwatch.job.backtest.Backtest;
import io.parkwatch.platform.kafka.ConfigTopic;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import io.parkwatch.simulator.DeviceLogin;
import io.parkwatch.simulator.ParkSimulator;
import io.parkwatch.simulator.ReadingPublisher;
import io.parkwatch.simulator.SimulationPlan;
import io.parkwatch.simulator.Uplink;
import io.parkwatch.simulator.scenario.Scenario;
import io.parkwatch.simulator.scenario.ScenarioFile;
import io.parkwatch.simulator.scenario.Verification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.util.FileUtils;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ParkWatch as separate processes on this machine: a Kafka broker, a Flink standalone cluster
 * (JobManager + TaskManager), a gateway and a console, each its own JVM; the job jar submitted through
 * Flink's REST API. A scenario is published through the gateway with QoS 1; mid-incident the TaskManager
 * is killed with SIGKILL and a new one started. Then a savepoint, a rule change and a restart from it.
 */
class ClusterFailoverIT {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterFailoverIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path FLINK_LIB = Path.of("../../test-fixtures/flink-dist/target/lib").toAbsolutePath().normalize();
    private static final Path JOB_JAR = Path.of("target/parkwatch-flink-job.jar").toAbsolutePath();
    private static final double SPEED = 4;

    /** The processes' logs, data and checkpoints: kept after the run (under target/) to read when something failed. */
    private static Path home;

    private static final List<AutoCloseable> started = new ArrayList<>();
    private static KafkaBrokerProcess kafka;
    private static FlinkStandaloneCluster flink;
    private static int mqttPort;
    private static int consolePort;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startProcesses() throws Exception {
        home = Path.of("target/cluster-failover").toAbsolutePath();
        FileUtils.deleteDirectory(home.toFile()); // the last run's
        Files.createDirectories(home);
        assertThat(FLINK_LIB.resolve("flink-runtime-2.2.1.jar")).as("the Flink runtime from test-fixtures/flink-dist").exists();
        assertThat(JOB_JAR).as("the job jar (mvn package)").exists();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> jvm = List.of("-Xmx512m", "-Dlogback.configurationFile="
                + Path.of("target/test-classes/process-logback.xml").toAbsolutePath());

        kafka = KafkaBrokerProcess.start(home.resolve("kafka"), cp, jvm);
        started.add(kafka);
        // the state in RocksDB with incremental checkpoints, as deploy/README.md configures a province's cluster: the
        // TaskManager killed below restores from them (KafkaBrokerFailoverIT runs the heap backend)
        flink = new FlinkStandaloneCluster(FLINK_LIB, home.resolve("flink"), Map.of(
                "heartbeat.interval", 2000, "heartbeat.timeout", 20000,
                "restart-strategy.type", "exponential-delay",
                "restart-strategy.exponential-delay.initial-backoff", "1 s",
                "restart-strategy.exponential-delay.max-backoff", "30 s",
                "state.backend.type", "rocksdb", "execution.checkpointing.incremental", true,
                "state.backend.rocksdb.localdir", home.resolve("flink-rocksdb").toString(),
                "state.backend.rocksdb.memory.partitioned-index-filters", true));
        started.add(flink);
        flink.startJobManager();
        flink.startTaskManager();

        // parkwatch init: topics and the configuration in force, against the broker process
        Map<String, String> env = new HashMap<>();
        env.put("PARKWATCH_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrap());
        await("Kafka broker").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> parkwatch("init", List.of(), env, jvm, cp).await(60) == 0);

        mqttPort = Ports.free();
        consolePort = Ports.free();
        env.put("PARKWATCH_GATEWAY_MQTT_PORT", String.valueOf(mqttPort));
        env.put("PARKWATCH_GATEWAY_HJ212_PORT", "-1");
        env.put("PARKWATCH_GATEWAY_METRICS_PORT", "-1");
        env.put("PARKWATCH_CONSOLE_HTTP_PORT", String.valueOf(consolePort));
        env.put("PARKWATCH_CONSOLE_SESSION_FILE", "");
        started.add(parkwatch("gateway", List.of(), env, jvm, cp));
        started.add(parkwatch("console", List.of(), env, jvm, cp));

        await("Flink cluster with one TaskManager").atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> flink.registeredTaskManagers() == 1);
        await("gateway and console").atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> Ports.open(mqttPort) && Ports.open(consolePort));
    }

    @AfterAll
    static void stopProcesses() {
        Collections.reverse(started);
        for (AutoCloseable c : started) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
    }

    @Test
    void survivesTaskManagerLossAndCarriesOpenAlertsAcrossASavepoint() throws Exception {
        String jarId = flink.uploadJar(JOB_JAR);
        List<String> jobArgs = List.of("--kafka", kafka.bootstrap(), "--checkpoint-interval", "2s",
                "--delivery", "exactly-once");
        String job = flink.run(jarId, jobArgs, 2, null);
        await("job running").atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> flink.state(job).equals("RUNNING") && flink.completedCheckpoints(job) > 0);

        PointRegistry park = PointRegistryFile.parse(YamlSource.read(ROOT.resolve("config/points.yaml")));
        Scenario scenario = ScenarioFile.load(ROOT.resolve("scenarios/gas-leak-spreading.yaml"), park);
        Set<String> acked = ConcurrentHashMap.newKeySet();
        ReadingPublisher uplink = new ReadingPublisher("tcp://127.0.0.1:" + mqttPort, logins(),
                park.points().stream().map(io.parkwatch.rules.model.Point::enterpriseId).collect(Collectors.toSet()))
                .onAcknowledged(batch -> batch.forEach(v -> acked.add(v.pointId() + "@" + v.ts())));
        ParkSimulator simulator = new ParkSimulator(park, new SimulationPlan("tcp://127.0.0.1:" + mqttPort, logins(),
                scenario.physicalEvents(), scenario.duration(), SPEED, scenario.interval(), scenario.seed())).connect(uplink);
        CompletableFuture<Long> scenarioDone = CompletableFuture.supplyAsync(() -> {
            try (simulator) {
                simulator.run();
                return System.currentTimeMillis();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        try (TopicRecorder events = new TopicRecorder(kafka.bootstrap(), Topics.ALERT_EVENTS)) {
            // mid-incident: detector 1 is in alarm, detector 2, the T-102 detector and the zone vote are still to come
            await("first gas alarm").atMost(Duration.ofSeconds(90)).until(() -> parse(events.records()).stream()
                    .anyMatch(e -> e.type() == AlertEventType.RAISED && e.ruleId().equals("combustible-gas")));
            assertThat(scenarioDone).isNotDone();
            Proc taskManager = flinkTaskManager();
            long killedAt = System.currentTimeMillis();
            taskManager.kill9();
            flink.startTaskManager(); // what a supervisor (systemd, Kubernetes) does
            long failedAt = await("failure noticed").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> flink.state(job).equals("RUNNING") ? 0L : System.currentTimeMillis(), t -> t > 0);
            long runningAt = await("job restored on the new TaskManager").atMost(Duration.ofSeconds(120))
                    .ignoreExceptions().pollInterval(Duration.ofMillis(100))
                    .until(() -> flink.state(job).equals("RUNNING") && !flink.restoredFrom(job).isEmpty()
                            ? System.currentTimeMillis() : 0L, t -> t > 0);
            long eventsBefore = parse(events.records()).size();
            long outputAt = await("alert events flowing again").atMost(Duration.ofSeconds(120))
                    .until(() -> parse(events.records()).size() > eventsBefore ? System.currentTimeMillis() : 0L, t -> t > 0);
            LOG.info("RECOVERY after SIGKILL of the TaskManager: failure noticed {} ms, all tasks running again {} ms"
                    + " (restored from {}), next alert event out {} ms", failedAt - killedAt, runningAt - killedAt,
                    flink.restoredFrom(job), outputAt - killedAt);

            long scenarioEnd = scenarioDone.get(5, TimeUnit.MINUTES);
            assertThat(uplink.failed() + uplink.refused()).as("readings refused or failed").isZero();
            assertThat(acked).hasSize((int) uplink.acknowledged());

            // every acknowledged reading is in parkwatch.readings
            List<Reading> readings = ReadingsTopic.inReadOrder(kafka.bootstrap());
            Set<String> stored = readings.stream().map(r -> r.pointId() + "@" + r.timestamp()).collect(Collectors.toSet());
            assertThat(stored).as("acknowledged readings in " + Topics.READINGS).containsAll(acked);
            LOG.info("{} readings acknowledged by the gateway, all {} in {}", acked.size(), acked.size(), Topics.READINGS);

            // the alert events a run without failure produces: the same readings through the job's own rule stages
            Map<String, ConfigDocument> config = ConfigTopic.latest(kafka.bootstrap());
            ParkConfig parkConfig = new ParkConfig(config.get(ConfigDocument.POINTS).yaml(), config.get(ConfigDocument.RULES)
                    .yaml(), config.get(ConfigDocument.MAINTENANCE).yaml(), config.get(ConfigDocument.CONTACTS).yaml());
            Set<String> expected = Backtest.run(readings, parkConfig, Duration.ofSeconds(5)).stream()
                    .map(AlertEvent::eventId).collect(Collectors.toSet());
            assertThat(expected).as("the scenario raises alerts").hasSizeGreaterThan(8);
            await("every expected alert event").atMost(Duration.ofSeconds(90))
                    .until(() -> ids(eventTimeDecided(parse(events.records()))).containsAll(expected));
            events.drain(Duration.ofSeconds(30));
            List<AlertEvent> all = parse(events.records());

            Map<String, Long> copies = all.stream().collect(Collectors.groupingBy(AlertEvent::eventId, Collectors.counting()));
            assertThat(copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                    .as("event ids in " + Topics.ALERT_EVENTS + " more than once").isEmpty();
            assertThat(ids(eventTimeDecided(all))).as("alert events, none missing and none extra").isEqualTo(expected);
            // silence while the job was down is not a logger's: no "offline" alert before the loggers really stopped
            assertThat(all.stream().filter(e -> e.ruleId().equals("offline") && e.type() == AlertEventType.RAISED
                    && e.detectedAt() < scenarioEnd).toList()).as("offline alerts during the run").isEmpty();
            Verification.Report report = Verification.verify(scenario, all, simulator.simulationStart(),
                    simulator.simulationStart() + scenario.duration().toMillis());
            LOG.info("scenario check:\n{}", report.text());
            assertThat(report.outcomes()).allMatch(Verification.Outcome::ok);
            LOG.info("{} alert events, each exactly once by event id; {} expected by the failure-free evaluation",
                    all.size(), expected.size());

            savepointRuleChangeAndRestart(jarId, jobArgs, job, events);
        }
    }

    /** Stop with a savepoint, change a rule, start from the savepoint: open alerts carry over, the new rule applies. */
    private void savepointRuleChangeAndRestart(String jarId, List<String> jobArgs, String job, TopicRecorder events)
            throws Exception {
        String token = login();
        List<JsonNode> open = new ArrayList<>();
        // the alerts the readings decided; a logger's "offline" runs on the wall clock and may open at any moment
        // of the stop and restart once the scenario's loggers have fallen silent (as in eventTimeDecided)
        JSON.readTree(get("/api/alerts", token)).forEach(a -> {
            if (!a.get("state").asText().equals("CLOSED") && !a.get("rule").asText().equals("offline")) {
                open.add(a);
            }
        });
        JsonNode gasAlarm = open.stream().filter(a -> a.get("point").asText().equals("HX-T101-GT1")
                && a.get("rule").asText().equals("combustible-gas")).findFirst().orElseThrow();
        assertThat(gasAlarm.hasNonNull("acknowledgedBy")).as("acknowledged before the restart").isFalse();

        String savepoint = flink.stopWithSavepoint(job);
        await("job stopped").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> flink.state(job).equals("FINISHED"));

        // while the job is stopped: the tank level warning moves from 85 % to 70 %
        String rules = Files.readString(ROOT.resolve("config/rules.yaml"));
        String changed = rules.replace("high: { warn: 85, alarm: 90, critical: 95 }", "high: { warn: 70, alarm: 90, critical: 95 }");
        assertThat(changed).isNotEqualTo(rules);
        Path rulesFile = home.resolve("rules-level-70.yaml");
        Files.writeString(rulesFile, changed);
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Proc apply = parkwatch("rules", List.of("apply", rulesFile.toString(), "--kafka", kafka.bootstrap()), Map.of(),
                List.of("-Xmx256m"), cp);
        assertThat(apply.await(60)).as("parkwatch rules apply:\n%s", apply.tail()).isZero();

        String restarted = flink.run(jarId, jobArgs, 2, savepoint);
        await("job running from the savepoint").atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> flink.state(restarted).equals("RUNNING"));
        assertThat(flink.restoredFrom(restarted)).isEqualTo(savepoint);

        // the restored job knows the open alert: acknowledging it continues its history
        JsonNode ack = JSON.readTree(post("/api/alerts/" + gasAlarm.get("id").asText() + "/ack", "{}", token));
        assertThat(ack.path("event").path("type").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.path("event").path("alertId").asText()).isEqualTo(gasAlarm.get("id").asText());
        assertThat(ack.path("event").path("actor").asText()).isEqualTo("duty");
        int openAfter = 0;
        for (JsonNode a : JSON.readTree(get("/api/alerts", token))) {
            openAfter += a.get("state").asText().equals("CLOSED") || a.get("rule").asText().equals("offline") ? 0 : 1;
        }
        assertThat(openAfter).as("open alerts after the restart").isEqualTo(open.size());

        // and the changed rule is in force: 75 % now warns
        List<DeviceLogin> huaxin = logins().stream().filter(l -> l.enterpriseId().equals("ent-huaxin")).toList();
        try (ReadingPublisher tank = new ReadingPublisher("tcp://127.0.0.1:" + mqttPort, huaxin, Set.of("ent-huaxin"))) {
            long t0 = System.currentTimeMillis();
            for (int i = 0; i <= 8; i++) {
                tank.publish("ent-huaxin", List.of(new Uplink.Value("HX-T101-LT", t0 + i * 1000L, 75.0)));
            }
            assertThat(tank.awaitAnswered(30_000)).isTrue();
            assertThat(tank.acknowledged()).isEqualTo(9);
        }
        await("warning under the changed rule").atMost(Duration.ofSeconds(60)).until(() -> parse(events.records()).stream()
                .anyMatch(e -> e.type() == AlertEventType.RAISED && e.ruleId().equals("atmospheric-tank-level")
                        && e.pointId().equals("HX-T101-LT") && e.limit() == 70.0));
        LOG.info("savepoint {}: {} open alerts carried over, acknowledged {} after the restart, tank level rule changed",
                savepoint, open.size(), gasAlarm.get("id").asText());
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static Proc parkwatch(String command, List<String> args, Map<String, String> env, List<String> jvm, String cp) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(args);
        return Proc.java("parkwatch-" + command, ROOT, home.resolve("parkwatch-" + command + ".log"), jvm, cp,
                "io.parkwatch.cli.ParkWatchCli", all, env);
    }

    private static Proc flinkTaskManager() {
        return flink.taskManagers().get(flink.taskManagers().size() - 1);
    }

    private static List<DeviceLogin> logins() {
        return List.of(new DeviceLogin("ent-huaxin", "huaxin-dl01", "huaxin-demo"),
                new DeviceLogin("ent-donghai", "donghai-dl01", "donghai-demo"),
                new DeviceLogin("ent-xinyuan", "xinyuan-dl01", "xinyuan-demo"));
    }

    private static List<AlertEvent> parse(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> WireJson.alertEvent(r.value())).toList();
    }

    /** Events fixed by the readings alone: not escalations or silence, which run on the wall clock. */
    private static List<AlertEvent> eventTimeDecided(List<AlertEvent> events) {
        return events.stream().filter(e -> e.type() != AlertEventType.ESCALATED && !e.ruleId().equals("offline")).toList();
    }

    private static Set<String> ids(List<AlertEvent> events) {
        return events.stream().map(AlertEvent::eventId).collect(Collectors.toCollection(HashSet::new));
    }


    private static String login() throws Exception {
        return JSON.readTree(post("/api/login", "{\"username\":\"duty\",\"password\":\"duty-demo\"}", null))
                .get("token").asText();
    }

    private static String get(String path, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + consolePort + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private static String post(String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + consolePort + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST " + path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }
}
