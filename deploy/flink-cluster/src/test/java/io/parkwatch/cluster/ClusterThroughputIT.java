package io.parkwatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.simulator.ParkSimulator;
import io.parkwatch.simulator.SimulationPlan;
import io.parkwatch.simulator.CountingUplink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sizing: how many readings per second one task slot evaluates. A backlog of the demo park's normal
 * operation (its full rule set: thresholds, rate, trend, stale, quality, voting, composite, life cycle)
 * is put in parkwatch.readings, then the job on the standalone cluster reads it at parallelism 1 and 2.
 * Run with bench/cluster-throughput.sh; prints the numbers, asserts only that everything was read.
 */
@Tag("benchmark")
class ClusterThroughputIT {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterThroughputIT.class);
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final int READINGS = Integer.getInteger("parkwatch.bench.readings", 2_000_000);
    private static final int RUNS = 3;

    @TempDir
    Path home;

    @Test
    void readingsPerSecondPerTaskSlot() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> jvm = List.of("-Xmx1g", "-Dlogback.configurationFile="
                + Path.of("target/test-classes/process-logback.xml").toAbsolutePath());
        try (KafkaBrokerProcess kafka = KafkaBrokerProcess.start(home.resolve("kafka"), cp, jvm);
                FlinkStandaloneCluster flink = new FlinkStandaloneCluster(Path.of("../../test-fixtures/flink-dist/target/lib").toAbsolutePath()
                        .normalize(), home.resolve("flink"), Map.of("taskmanager.memory.process.size", "2048m",
                        "metrics.fetcher.update-interval", 250))) {
            flink.startJobManager();
            flink.startTaskManager();
            await("Kafka broker").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Proc.java("parkwatch-init", ROOT, home.resolve("init.log"), jvm, cp,
                            "io.parkwatch.cli.ParkWatchCli", List.of("init", "--kafka", kafka.bootstrap()), Map.of())
                            .await(60) == 0);
            long produced = backlog(kafka.bootstrap());
            String jar = flink.uploadJar(Path.of("target/parkwatch-flink-job.jar").toAbsolutePath());
            await("TaskManager").atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> flink.registeredTaskManagers() == 1);
            StringBuilder report = new StringBuilder("\nreadings/s through the rules job (demo park rules, " + produced
                    + " readings backlog, 1 TaskManager with 2 slots, Kafka on the same 2-core machine):\n");
            for (int parallelism : new int[] {1, 2}) {
                double[] rates = new double[RUNS];
                for (int run = 0; run < RUNS; run++) {
                    rates[run] = drain(flink, jar, kafka.bootstrap(), parallelism, run, produced);
                }
                java.util.Arrays.sort(rates);
                report.append(String.format("  parallelism %d: min / median / max of %d runs %,.0f / %,.0f / %,.0f readings/s"
                        + " (median per slot %,.0f)%n", parallelism, RUNS, rates[0], rates[RUNS / 2], rates[RUNS - 1],
                        rates[RUNS / 2] / parallelism));
            }
            LOG.info(report.toString());
        }
    }

    /** Normal operation of the demo park, simulated far faster than real time, straight into parkwatch.readings. */
    private long backlog(String bootstrap) throws Exception {
        PointRegistry park = PointRegistryFile.parse(YamlSource.read(ROOT.resolve("config/points.yaml")));
        long seconds = READINGS / park.points().size();
        try (KafkaUplink uplink = new KafkaUplink(bootstrap);
                ParkSimulator sim = new ParkSimulator(park, new SimulationPlan("unused", List.of(), List.of(),
                        Duration.ofSeconds(seconds), 1_000_000, Duration.ofSeconds(1), 7)).connect(uplink)) {
            long t0 = System.nanoTime();
            sim.run();
            assertThat(uplink.awaitAnswered(120_000)).isTrue();
            LOG.info("backlog: {} readings in {} ms", uplink.acknowledged(), (System.nanoTime() - t0) / 1_000_000);
            return uplink.acknowledged();
        }
    }

    /** Runs the job from the start of the topic (a new consumer group) until it has evaluated every reading. */
    private static double drain(FlinkStandaloneCluster flink, String jar, String bootstrap, int parallelism, int run,
            long expected) throws Exception {
        String job = flink.run(jar, List.of("--kafka", bootstrap, "--group", "bench-p" + parallelism + "-" + run,
                "--checkpoint-interval", "10s"), parallelism, null);
        String vertex = await("job running").atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> flink.runningVertex(job, "point rules"), v -> v != null);
        long[] first = {0};
        long done = await("backlog evaluated").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> {
                    long in = flink.recordsIn(job, vertex);
                    if (in > 0 && first[0] == 0) {
                        first[0] = System.nanoTime();
                    }
                    return in >= expected ? System.nanoTime() : 0L;
                }, t -> t > 0);
        flink.cancel(job);
        double seconds = (done - first[0]) / 1e9;
        LOG.info("parallelism {}: {} readings in {} s", parallelism, expected, String.format("%.1f", seconds));
        return expected / seconds;
    }

    /** The simulator's readings straight to Kafka, as a gateway would write them. */
    private static final class KafkaUplink extends CountingUplink {

        private final KafkaProducer<String, byte[]> producer;

        KafkaUplink(String bootstrap) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public boolean has(String enterprise) {
            return true;
        }

        @Override
        public void publish(String enterprise, List<Value> batch) {
            long now = System.currentTimeMillis();
            for (Value v : batch) {
                sent.incrementAndGet();
                producer.send(new ProducerRecord<>(Topics.READINGS, v.pointId(), ReadingJson.write(new Reading(v.pointId(),
                        enterprise, v.ts(), v.v(), Quality.N, now))), (m, e) -> (e == null ? acked : failed).incrementAndGet());
            }
        }

        @Override
        public boolean awaitAnswered(long timeoutMs) {
            producer.flush();
            return acked.get() + failed.get() == sent.get();
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(30));
        }
    }
}
