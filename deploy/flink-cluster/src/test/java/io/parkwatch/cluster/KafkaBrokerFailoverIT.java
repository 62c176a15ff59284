package io.parkwatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.job.ParkConfig;
import io.parkwatch.job.backtest.Backtest;
import io.parkwatch.platform.kafka.ConfigTopic;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import io.parkwatch.simulator.load.LoadGenerator;
import io.parkwatch.simulator.load.LoadPark;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.flink.util.FileUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 section 1: a Kafka broker lost under load. Three KRaft nodes as processes (replication 3,
 * {@code min.insync.replicas} 2, topics created by {@code parkwatch init --replication-factor 3}), the job on a
 * Flink standalone cluster in exactly-once mode, two gateways and a console, each its own JVM. Under QoS 1 load
 * (devices spread over both gateways, one point crossing its alarm limit every second): SIGKILL the node leading
 * the readings, start it again, wait until every partition has its three copies, then SIGKILL the node leading
 * the alert events and start it again. Every acknowledged reading must be in {@code parkwatch.readings}; the alert
 * events must be those of a failure-free evaluation of the same readings, each once; nothing is restarted by hand.
 * Figures (ack waits around each kill, time until alert events flowed again, readings the gateways held) are
 * printed on a line starting FAILOVER for bench/kafka-failover.sh.
 */
class KafkaBrokerFailoverIT {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerFailoverIT.class);
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path FLINK_LIB = Path.of("../../test-fixtures/flink-dist/target/lib").toAbsolutePath().normalize();
    private static final Path JOB_JAR = Path.of("target/parkwatch-flink-job.jar").toAbsolutePath();
    static final int RATE = Integer.getInteger("failover.rate", 2000);
    static final int POINTS = 500;
    static final Duration SETTLE = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> started = new ArrayList<>();

    @Test
    void aBrokerKilledUnderLoadLosesNoReadingAndChangesNoAlert() throws Exception {
        Path home = Path.of("target/kafka-failover").toAbsolutePath();
        FileUtils.deleteDirectory(home.toFile()); // the last run's
        Path park = home.resolve("load-park");
        LoadPark.write(park, POINTS, 4);
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> jvm = List.of("-Xmx384m", "-Dlogback.configurationFile="
                + Path.of("target/test-classes/process-logback.xml").toAbsolutePath());
        try {
            KafkaClusterProcesses kafka = KafkaClusterProcesses.start(home, cp, jvm);
            started.add(kafka);
            FlinkStandaloneCluster flink = new FlinkStandaloneCluster(FLINK_LIB, home.resolve("flink"), Map.of(
                    "heartbeat.interval", 2000, "heartbeat.timeout", 20000,
                    "restart-strategy.type", "exponential-delay",
                    "restart-strategy.exponential-delay.initial-backoff", "1 s",
                    "restart-strategy.exponential-delay.max-backoff", "10 s",
                    // as deploy/compose and deploy/kubernetes configure a cluster on the heap backend
                    "execution.checkpointing.snapshot-compression", true));
            started.add(flink);
            flink.startJobManager();
            flink.startTaskManager();

            Map<String, String> env = loadParkEnvironment(park, kafka.bootstrap());
            await("Kafka cluster").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> parkwatch(home, "init", List.of("--replication-factor", "3"), env, jvm, cp)
                            .await(60) == 0);
            int[] mqtt = {Ports.free(), Ports.free()};
            int[] metrics = {Ports.free(), Ports.free()};
            List<Proc> gateways = new ArrayList<>();
            for (int g = 0; g < 2; g++) {
                Map<String, String> e = new HashMap<>(env);
                e.put("PARKWATCH_GATEWAY_MQTT_PORT", String.valueOf(mqtt[g]));
                e.put("PARKWATCH_GATEWAY_METRICS_PORT", String.valueOf(metrics[g]));
                Proc gw = parkwatch(home, "gateway", List.of(), e, jvm, cp, "gateway-" + (g + 1));
                gateways.add(gw);
                started.add(gw);
            }
            Map<String, String> consoleEnv = new HashMap<>(env);
            consoleEnv.put("PARKWATCH_CONSOLE_HTTP_PORT", String.valueOf(Ports.free()));
            started.add(parkwatch(home, "console", List.of(), consoleEnv, jvm, cp));

            await("Flink cluster").atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> flink.registeredTaskManagers() == 1);
            String job = flink.run(flink.uploadJar(JOB_JAR), List.of("--kafka", kafka.bootstrap(),
                    "--checkpoint-interval", "2s", "--delivery", "exactly-once"), 1, null);
            await("job running").atMost(Duration.ofSeconds(120)).ignoreExceptions()
                    .until(() -> flink.state(job).equals("RUNNING") && flink.completedCheckpoints(job) > 0);
            await("gateways").atMost(Duration.ofSeconds(90)).until(() -> Ports.open(mqtt[0]) && Ports.open(mqtt[1]));

            Set<String> acked = ConcurrentHashMap.newKeySet();
            AtomicLong ackedCount = new AtomicLong();
            Map<Long, Long> alertArrivals = new ConcurrentHashMap<>(); // arrival ms -> count
            AtomicLong lastAlertAt = new AtomicLong();
            Samples samples = new Samples();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap()));
                    TopicRecorder events = new TopicRecorder(kafka.bootstrap(), Topics.ALERT_EVENTS);
                    LoadGenerator load = new LoadGenerator(new LoadGenerator.Settings("tcp://127.0.0.1:" + mqtt[0]
                            + ",tcp://127.0.0.1:" + mqtt[1], POINTS, RATE, 4, 1, 50, false))
                            .onAcknowledged(keys -> {
                                acked.addAll(keys);
                                ackedCount.addAndGet(keys.size());
                            }).start()) {
                ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
                sampler.scheduleAtFixedRate(() -> samples.add(load.takeLongestAckWaitMillis(),
                        waiting(metrics[0]) + waiting(metrics[1]), events.records().size()), 250, 250,
                        TimeUnit.MILLISECONDS);
                try {
                    // alerts flowing under load (a cold cluster takes a while), then a steady stretch before a failure
                    await("alerts under load before any failure").atMost(Duration.ofSeconds(120))
                            .until(() -> !events.records().isEmpty());
                    long steadyFrom = System.currentTimeMillis();
                    await().atMost(SETTLE.plusSeconds(30))
                            .until(() -> System.currentTimeMillis() - steadyFrom >= SETTLE.toMillis());

                    Kill readingsKill = killLeaderAndRestart(kafka, admin, Topics.READINGS, samples);
                    Kill eventsKill = killLeaderAndRestart(kafka, admin, Topics.ALERT_EVENTS, samples);
                    long end = System.currentTimeMillis() + SETTLE.toMillis();
                    await().atMost(SETTLE.plusSeconds(30)).until(() -> System.currentTimeMillis() >= end);
                    load.stop();
                    await("every publish answered").atMost(Duration.ofSeconds(60))
                            .until(() -> load.acknowledged() + load.failed() >= load.sent());

                    assertThat(load.failed()).as("publishes not acknowledged").isZero();
                    assertThat(gateways).as("gateways never restarted").allMatch(Proc::alive);
                    assertThat(flink.state(job)).as("the same job, recovered on its own").isEqualTo("RUNNING");

                    // every acknowledged reading is in parkwatch.readings
                    List<Reading> readings = ReadingsTopic.inReadOrder(kafka.bootstrap());
                    Set<String> stored = readings.stream().map(r -> r.pointId() + "@" + r.timestamp())
                            .collect(Collectors.toSet());
                    assertThat(ackedCount.get()).as("acknowledged readings, each told").isEqualTo(load.acknowledged());
                    assertThat((long) acked.size()).as("acknowledged readings, each once").isEqualTo(load.acknowledged());
                    assertThat(acked.stream().filter(k -> !stored.contains(k)).limit(10).toList())
                            .as("acknowledged readings missing from " + Topics.READINGS).isEmpty();

                    // the alert events equal a failure-free evaluation of the same readings, each id once
                    List<AlertEvent> expectedEvents = Backtest.run(readings, parkConfig(kafka.bootstrap()),
                            Duration.ofSeconds(5)).stream().filter(KafkaBrokerFailoverIT::eventTimeDecided).toList();
                    Set<String> expected = expectedEvents.stream().map(AlertEvent::eventId).collect(Collectors.toSet());
                    assertThat(expected).as("alerts of the run").hasSizeGreaterThan(20);
                    awaitEveryExpected(events, expectedEvents, flink, job);
                    events.drain(Duration.ofSeconds(30));
                    List<AlertEvent> all = parse(events.records());
                    assertThat(all.stream().collect(Collectors.groupingBy(AlertEvent::eventId, Collectors.counting()))
                            .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                            .as("event ids more than once").isEmpty();
                    assertThat(all.stream().filter(KafkaBrokerFailoverIT::eventTimeDecided).map(AlertEvent::eventId)
                            .collect(Collectors.toSet())).as("alert events, none missing, none extra")
                            .isEqualTo(expected);

                    String figures = String.format(Locale.ROOT, "FAILOVER rate=%d readings=%d alerts=%d"
                            + " readings-leader: ack-wait-max=%d held-max=%d alerts-gap=%d"
                            + " | events-leader: ack-wait-max=%d held-max=%d alerts-gap=%d | steady: ack-wait-max=%d",
                            RATE, ackedCount.get(), expected.size(), readingsKill.ackWaitMax(), readingsKill.heldMax(),
                            readingsKill.alertsGap(), eventsKill.ackWaitMax(), eventsKill.heldMax(),
                            eventsKill.alertsGap(), samples.ackWaitMaxBetween(steadyFrom, readingsKill.at() - 1000));
                    LOG.info(figures);
                    System.out.println(figures);
                } finally {
                    sampler.shutdownNow();
                }
            }
        } finally {
            java.util.Collections.reverse(started);
            for (AutoCloseable c : started) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("while stopping: {}", e.toString());
                }
            }
        }
    }

    /**
     * Waits until every event of the failure-free evaluation is on the topic. If they never all come, says which
     * are missing and which came instead, and how far the job's checkpoints got: a late alert and a different one
     * are different defects.
     */
    private static void awaitEveryExpected(TopicRecorder events, List<AlertEvent> expected,
            FlinkStandaloneCluster flink, String job) {
        Set<String> ids = expected.stream().map(AlertEvent::eventId).collect(Collectors.toSet());
        try {
            await("every expected alert event").atMost(Duration.ofSeconds(120)).until(() ->
                    parse(events.records()).stream().map(AlertEvent::eventId).collect(Collectors.toSet())
                            .containsAll(ids));
        } catch (ConditionTimeoutException late) {
            List<AlertEvent> seen = parse(events.records());
            Set<String> seenIds = seen.stream().map(AlertEvent::eventId).collect(Collectors.toSet());
            List<AlertEvent> missing = expected.stream().filter(e -> !seenIds.contains(e.eventId())).toList();
            List<String> unexpected = seen.stream().filter(KafkaBrokerFailoverIT::eventTimeDecided)
                    .filter(e -> !ids.contains(e.eventId())).map(KafkaBrokerFailoverIT::describe).limit(20).toList();
            String checkpoints;
            try {
                checkpoints = flink.completedCheckpoints(job) + " completed checkpoints, job " + flink.state(job);
            } catch (Exception e) {
                checkpoints = "checkpoints unknown: " + e;
            }
            throw new AssertionError(String.format(Locale.ROOT, "after 120 s, %d of %d expected alert events are"
                    + " missing (%d events on the topic, %s); latest expected event time %d, latest seen %d;"
                    + " missing: %s; on the topic but not expected: %s", missing.size(), expected.size(), seen.size(),
                    checkpoints, expected.stream().mapToLong(AlertEvent::eventTime).max().orElse(0),
                    seen.stream().mapToLong(AlertEvent::eventTime).max().orElse(0),
                    missing.stream().map(KafkaBrokerFailoverIT::describe).limit(20).toList(), unexpected), late);
        }
    }

    private static String describe(AlertEvent e) {
        return e.type() + " " + e.ruleId() + "/" + e.pointId() + " " + e.level() + " at " + e.eventTime();
    }

    /** What one kill cost: the longest a device waited, the most readings the gateways held, the alerts' gap (ms). */
    record Kill(long at, long ackWaitMax, long heldMax, long alertsGap) {
    }

    /** SIGKILL of the node leading partition 0 of {@code topic}; start it again; wait until all is replicated. */
    private Kill killLeaderAndRestart(KafkaClusterProcesses kafka, Admin admin, String topic, Samples samples)
            throws Exception {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        int node = kafka.nodeAt(d.partitions().get(0).leader().port());
        long at = System.currentTimeMillis();
        kafka.kill9(node);
        LOG.info("killed Kafka node {} (leader of {} partition 0)", node, topic);
        await().atMost(Duration.ofSeconds(40)).until(() -> System.currentTimeMillis() - at >= 10_000);
        kafka.startNode(node);
        await("node " + node + " back and every partition with three copies in sync").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> fullyReplicated(admin));
        long back = System.currentTimeMillis();
        LOG.info("Kafka node {} caught up {} ms after the kill", node, back - at);
        await().atMost(Duration.ofSeconds(20)).until(() -> System.currentTimeMillis() - back >= 5_000);
        return new Kill(at, samples.ackWaitMaxBetween(at - 500, System.currentTimeMillis()),
                samples.heldMaxBetween(at - 500, System.currentTimeMillis()), samples.alertsGapAfter(at));
    }

    private static boolean fullyReplicated(Admin admin) throws Exception {
        Collection<TopicDescription> all = admin.describeTopics(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                .allTopicNames().get(10, TimeUnit.SECONDS).values();
        return all.stream().flatMap(t -> t.partitions().stream())
                .allMatch(p -> p.isr().size() == p.replicas().size() && p.leader() != null);
    }

    /** The load park's files, as LoadPark's env.sh sets them, and the cluster. */
    private static Map<String, String> loadParkEnvironment(Path park, String bootstrap) throws Exception {
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(park.resolve("env.sh"))) {
            if (line.startsWith("export ")) {
                for (String kv : line.substring(7).trim().split("\\s+")) {
                    int eq = kv.indexOf('=');
                    env.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        }
        env.put("PARKWATCH_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("PARKWATCH_GATEWAY_HJ212_PORT", "-1");
        env.put("PARKWATCH_CONSOLE_METRICS_PORT", "-1");
        env.put("PARKWATCH_CONSOLE_SESSION_FILE", "");
        return env;
    }

    private static ParkConfig parkConfig(String bootstrap) {
        Map<String, ConfigDocument> config = ConfigTopic.latest(bootstrap);
        return new ParkConfig(yaml(config, ConfigDocument.POINTS), yaml(config, ConfigDocument.RULES),
                yaml(config, ConfigDocument.MAINTENANCE), yaml(config, ConfigDocument.CONTACTS));
    }

    private static String yaml(Map<String, ConfigDocument> config, String kind) {
        return config.containsKey(kind) ? config.get(kind).yaml() : null;
    }

    /** Events fixed by the readings alone: not escalations or silence, which run on the wall clock. */
    private static boolean eventTimeDecided(AlertEvent e) {
        return e.type() != AlertEventType.ESCALATED && !e.ruleId().equals("offline");
    }

    /** Readings records a gateway has handed to Kafka and not yet had acknowledged (its Prometheus gauge). */
    private long waiting(int metricsPort) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort
                    + "/metrics")).timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
            return r.body().lines().filter(l -> l.startsWith("parkwatch_gateway_kafka_waiting"))
                    .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (Exception e) {
            return 0;
        } 
    }

    private static List<AlertEvent> parse(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> WireJson.alertEvent(r.value())).toList();
    }


    private static Proc parkwatch(Path home, String command, List<String> args, Map<String, String> env,
            List<String> jvm, String cp) {
        return parkwatch(home, command, args, env, jvm, cp, command);
    }

    private static Proc parkwatch(Path home, String command, List<String> args, Map<String, String> env,
            List<String> jvm, String cp, String name) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(args);
        return Proc.java("parkwatch-" + name, ROOT, home.resolve("parkwatch-" + name + ".log"), jvm, cp,
                "io.parkwatch.cli.ParkWatchCli", all, env);
    }

    /** Every 250 ms: the longest ack wait, the readings the gateways held, the alert events seen so far. */
    static final class Samples {

        private final long start = System.currentTimeMillis();
        private final List<long[]> rows = new java.util.concurrent.CopyOnWriteArrayList<>();

        void add(long ackWait, long held, long alerts) {
            rows.add(new long[] {System.currentTimeMillis(), ackWait, held, alerts});
        }

        long elapsed() {
            return System.currentTimeMillis() - start;
        }

        long ackWaitMaxBetween(long from, long to) {
            return rows.stream().filter(r -> r[0] >= from && r[0] <= to).mapToLong(r -> r[1]).max().orElse(-1);
        }

        long heldMaxBetween(long from, long to) {
            return rows.stream().filter(r -> r[0] >= from && r[0] <= to).mapToLong(r -> r[2]).max().orElse(-1);
        }

        /** From {@code at} until the first sample that saw a new alert event (ms). */
        long alertsGapAfter(long at) {
            long before = rows.stream().filter(r -> r[0] <= at).mapToLong(r -> r[3]).max().orElse(0);
            return rows.stream().filter(r -> r[0] > at && r[3] > before).mapToLong(r -> r[0] - at).min().orElse(-1);
        }
    }
}
