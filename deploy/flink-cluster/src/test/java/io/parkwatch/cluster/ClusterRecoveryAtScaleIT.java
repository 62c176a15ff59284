package io.parkwatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.simulator.load.LoadPark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.util.FileUtils;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager killed while it holds the state of many points (issue 20, target 3): the load park's points, one
 * reading each, evaluated by the job on a standalone cluster; once a checkpoint holds them all, the TaskManager is
 * SIGKILLed and a new one started (what a supervisor does), while one point keeps sending an alarming reading every
 * 200 ms. Reports the checkpoint's size and duration, and the times from the kill to the failure noticed, to the job
 * running again on its restored state and to the alarm on {@code parkwatch.alert-events}: the time a person waits.
 * Run with {@code bench/cluster-recovery.sh}: {@code -Dparkwatch.bench.points}, {@code -Dparkwatch.bench.backend}
 * ({@code rocksdb}: incremental, as deploy/README.md configures a province; {@code hashmap}) and
 * {@code -Dparkwatch.bench.compression} (default {@code true}, the deployments' snapshot compression); the processes'
 * memory with {@code -Dparkwatch.bench.jobmanager-memory}, {@code -Dparkwatch.bench.taskmanager-memory} and
 * {@code -Dparkwatch.bench.init-heap}; {@code -Dparkwatch.bench.recording=FILE} records the new TaskManager with JFR.
 */
@Tag("benchmark")
class ClusterRecoveryAtScaleIT {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterRecoveryAtScaleIT.class);
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final int POINTS = Integer.getInteger("parkwatch.bench.points", 100_000);
    private static final String BACKEND = System.getProperty("parkwatch.bench.backend", "rocksdb");
    private static final boolean COMPRESSION = Boolean.parseBoolean(System.getProperty("parkwatch.bench.compression", "true"));
    /** The processes' memory, which grows with the registry (deploy/README.md's sizing row). */
    private static final String JOBMANAGER_MEMORY = System.getProperty("parkwatch.bench.jobmanager-memory", "1280m");
    private static final String TASKMANAGER_MEMORY = System.getProperty("parkwatch.bench.taskmanager-memory", "4096m");
    /** {@code parkwatch init} checks the whole configuration before it publishes it. */
    private static final String INIT_HEAP = System.getProperty("parkwatch.bench.init-heap", "1g");
    /** Where to keep a flight recording (JFR) of the TaskManager started after the kill, its first 120 s; none if empty. */
    private static final String RECORDING = System.getProperty("parkwatch.bench.recording", "");

    @Test
    void aTaskManagerHoldingManyPointsIsKilledAndTheNextAlarmStillComesOut() throws Exception {
        // the processes' logs kept after the run (under target/), to see where a restart's time went
        Path home = Path.of("target/cluster-recovery-" + BACKEND).toAbsolutePath();
        FileUtils.deleteDirectory(home.toFile()); // the last run's
        Files.createDirectories(home);
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String logback = "-Dlogback.configurationFile=" + Path.of("target/test-classes/process-logback.xml").toAbsolutePath();
        List<String> jvm = List.of("-Xmx1g", logback);
        Path park = home.resolve("load-park");
        LoadPark.write(park, POINTS, 1);
        // the JobManager parses the whole points registry once, to refuse a configuration that does not hold together
        // before it builds the job (the job graph carries it deflated, and as parsed): at 150,000 points a JobManager of
        // 768 MB (the other cluster tests') runs out of heap there, and a TaskManager of 2 GB was not enough; at
        // 1,000,000 points 5 GB and 8 GB ran (BENCHMARKS.md 20)
        Map<String, Object> flinkConf = new HashMap<>(Map.of("taskmanager.memory.process.size", TASKMANAGER_MEMORY,
                "jobmanager.memory.process.size", JOBMANAGER_MEMORY,
                "heartbeat.interval", 2000, "heartbeat.timeout", 20000,
                "restart-strategy.type", "exponential-delay",
                "restart-strategy.exponential-delay.initial-backoff", "1 s",
                "restart-strategy.exponential-delay.max-backoff", "30 s"));
        if (BACKEND.equals("rocksdb")) {
            flinkConf.putAll(Map.of("state.backend.type", "rocksdb", "execution.checkpointing.incremental", true,
                    "state.backend.rocksdb.localdir", home.resolve("flink-rocksdb").toString(),
                    "state.backend.rocksdb.memory.partitioned-index-filters", true,
                    "taskmanager.memory.managed.size", "256m"));
        } else {
            flinkConf.put("state.backend.type", "hashmap");
        }
        // as deploy/compose and deploy/kubernetes set it, whatever the backend: it compresses the operators' own state
        // (the configuration in broadcast state) too
        flinkConf.put("execution.checkpointing.snapshot-compression", COMPRESSION);
        try (KafkaBrokerProcess kafka = KafkaBrokerProcess.start(home.resolve("kafka"), cp, jvm);
                FlinkStandaloneCluster flink = new FlinkStandaloneCluster(Path.of("../../test-fixtures/flink-dist/target/lib")
                        .toAbsolutePath().normalize(), home.resolve("flink"), flinkConf)) {
            flink.startJobManager();
            flink.startTaskManager();
            Map<String, String> env = new HashMap<>(Map.of("PARKWATCH_FILES_POINTS", park.resolve("points.yaml").toString(),
                    "PARKWATCH_FILES_RULES", park.resolve("rules.yaml").toString(), "PARKWATCH_FILES_MAINTENANCE", "",
                    "PARKWATCH_FILES_CONTACTS", "", "PARKWATCH_FILES_OPERATIONS", "", "PARKWATCH_FILES_RISK", ""));
            await("Kafka broker").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Proc.java("parkwatch-init", ROOT, home.resolve("init.log"),
                            List.of("-Xmx" + INIT_HEAP, logback), cp,
                            "io.parkwatch.cli.ParkWatchCli", List.of("init", "--kafka", kafka.bootstrap()), env)
                            .await(120) == 0);
            long t0 = System.currentTimeMillis();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(), ProducerConfig.LINGER_MS_CONFIG, 20,
                    ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                    new StringSerializer(), new ByteArraySerializer())) {
                for (int i = 1; i <= POINTS; i++) { // every point once, below its alarm limit: each has its state
                    producer.send(reading(LoadPark.pointId(i), t0, 10));
                }
                producer.flush();
                String jar = flink.uploadJar(Path.of("target/parkwatch-flink-job.jar").toAbsolutePath());
                await("TaskManager").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                        .until(() -> flink.registeredTaskManagers() == 1);
                long submitted = System.currentTimeMillis();
                String job = flink.run(jar, List.of("--kafka", kafka.bootstrap(), "--checkpoint-interval", "10s"), 1, null);
                String vertex = await("job running").atMost(Duration.ofMinutes(5)).ignoreExceptions()
                .until(() -> flink.runningVertex(job, "point rules"), v -> v != null);
                long running = System.currentTimeMillis();
                long evaluated = await("every point evaluated").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions().until(() -> flink.recordsIn(job, vertex) >= POINTS
                                ? System.currentTimeMillis() : 0L, t -> t > 0);
                // a checkpoint begun after every point had its state
                JsonNode checkpoint = await("a checkpoint of every point").atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> flink.get("/jobs/" + job
                                + "/checkpoints").path("latest").path("completed"),
                                c -> c.path("trigger_timestamp").asLong() > evaluated);
                LOG.info("{} points: job submitted to running {} ms, every point evaluated {} ms later", POINTS,
                        running - submitted, evaluated - running);

                ScheduledExecutorService device = Executors.newSingleThreadScheduledExecutor();
                try (TopicRecorder events = new TopicRecorder(kafka.bootstrap(), Topics.ALERT_EVENTS)) {
                    Proc taskManager = flink.taskManagers().get(flink.taskManagers().size() - 1);
                    long killedAt = System.currentTimeMillis();
                    taskManager.kill9();
                    // what a supervisor (systemd, Kubernetes) does; recorded on request, to see where the restart goes
                    flink.startTaskManager(RECORDING.isEmpty() ? List.of() : List.of("-XX:StartFlightRecording=duration="
                            + "120s,settings=profile,filename=" + Path.of(RECORDING).toAbsolutePath()));
                    // the device keeps sending: LOAD-1 above its limit, every 200 ms from the kill on
                    device.scheduleAtFixedRate(() -> producer.send(reading(LoadPark.pointId(1), System.currentTimeMillis(), 60)),
                            0, 200, TimeUnit.MILLISECONDS);
                    long failedAt = await("failure noticed").atMost(Duration.ofSeconds(90)).ignoreExceptions()
                            .pollInterval(Duration.ofMillis(100))
                            .until(() -> flink.state(job).equals("RUNNING") ? 0L : System.currentTimeMillis(), t -> t > 0);
                    long runningAt = await("job restored on the new TaskManager").atMost(Duration.ofMinutes(10))
                            .ignoreExceptions().pollInterval(Duration.ofMillis(100))
                            .until(() -> flink.state(job).equals("RUNNING") && !flink.restoredFrom(job).isEmpty()
                                    ? System.currentTimeMillis() : 0L, t -> t > 0);
                    long alarmAt = await("the alarm out").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                            .until(() -> events.records().stream().map(r -> WireJson.alertEvent(r.value()))
                                    .anyMatch(e -> e.type() == AlertEventType.RAISED && e.pointId().equals(LoadPark.pointId(1)))
                                    ? System.currentTimeMillis() : 0L, t -> t > 0);
                    String report = String.format(java.util.Locale.ROOT, "RECOVERY AT SCALE: %,d points, %s backend%s:"
                            + " checkpoint of every point %.1f MB (%s), %,d ms; after SIGKILL of the TaskManager: failure"
                            + " noticed %,d ms, all tasks running again on restored state %,d ms, the alarm on %s %,d ms"
                            + " (points registry %.1f MB of YAML)", POINTS, BACKEND,
                            COMPRESSION ? "" : ", snapshots uncompressed",
                            checkpoint.path("state_size").asLong() / 1e6,
                            checkpoint.path("checkpointed_size").asLong() == checkpoint.path("state_size").asLong()
                                    ? "all uploaded" : String.format(java.util.Locale.ROOT, "%.1f MB uploaded",
                                            checkpoint.path("checkpointed_size").asLong() / 1e6),
                            checkpoint.path("end_to_end_duration").asLong(), failedAt - killedAt, runningAt - killedAt,
                            Topics.ALERT_EVENTS, alarmAt - killedAt, Files.size(park.resolve("points.yaml")) / 1e6);
                    LOG.info(report);
                    System.out.println(report);
                    assertThat(alarmAt).isGreaterThan(killedAt);
                } finally {
                    device.shutdownNow();
                }
            }
        }
    }

    private static ProducerRecord<String, byte[]> reading(String point, long t, double value) {
        return new ProducerRecord<>(Topics.READINGS, point, ReadingJson.write(new Reading(point, LoadPark.ENTERPRISE, t,
                value, Quality.N, t)));
    }
}
