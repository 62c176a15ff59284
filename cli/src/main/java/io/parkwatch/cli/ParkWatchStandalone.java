package io.parkwatch.cli;

import io.parkwatch.console.Console;
import io.parkwatch.ingest.Gateway;
import io.parkwatch.job.JobSettings;
import io.parkwatch.job.LocalJobRunner;
import io.parkwatch.job.ParkConfig;
import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.platform.kafka.TopicSpec;
import io.parkwatch.platform.lifecycle.Parts;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.wire.Topics;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything in one JVM: embedded KRaft Kafka, the gateway, the Flink job in a MiniCluster, the
 * InfluxDB recorder and the console. The components talk only through Kafka, exactly as they do when run as separate processes.
 */
public final class ParkWatchStandalone implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ParkWatchStandalone.class);

    private final Parts started = new Parts("standalone");
    private final String kafkaBootstrap;
    private final GatewayNode gateway;
    private final ConsoleNode console;
    private final boolean influxOn;
    private RecorderNode recorder;

    /** {@code incidents}: how alarms are grouped and what a flood is (one definition for the job and the console). */
    static io.parkwatch.rules.incident.IncidentGrouping.Settings incidents(Settings s) {
        return new io.parkwatch.rules.incident.IncidentGrouping.Settings(s.duration("incidents.join-within"),
                new io.parkwatch.rules.incident.Flood(s.integer("incidents.flood-above"),
                        s.duration("incidents.flood-window")));
    }

    private ParkWatchStandalone(Settings s, Path base) throws Exception {
        // Configuration first: a bad file stops start-up with its line and field before anything runs.
        ConfigSeed seed = new ConfigSeed(s, base);
        PointRegistry fromFiles = seed.engine().registry();
        GatewayNode.Setup gatewaySetup = GatewayNode.Setup.of(s, base, fromFiles);
        ConsoleNode.Setup consoleSetup = ConsoleNode.Setup.of(s, base, fromFiles).withDemoLogins(
                DemoCredentials.devicesAndLoggers(s, gatewaySetup.devices(), gatewaySetup.loggers()));
        DemoCredentials.announce(consoleSetup.demoLogins());
        influxOn = RecorderNode.influx(s) != null; // a half-set influxdb section stops start-up here

        try {
            if (s.bool("kafka.embedded")) {
                EmbeddedKafka kafka = new EmbeddedKafka(base.resolve(s.text("kafka.data-dir")), s.integer("kafka.port"));
                started.add(kafka.start());
                kafkaBootstrap = kafka.bootstrapServers();
                kafka.createTopics(topics(s));
            } else {
                kafkaBootstrap = s.text("kafka.bootstrap-servers");
            }

            ParkConfig inForce = seed.inForce(kafkaBootstrap);
            JobSettings job = JobSettings.builder().kafkaBootstrap(kafkaBootstrap).consumerGroup("parkwatch-rules")
                    .config(inForce).checkpointInterval(s.duration("job.checkpoint-interval"))
                    .outOfOrderness(s.duration("job.out-of-orderness")).idleness(s.duration("job.idleness"))
                    .allowedLateness(s.duration("job.allowed-lateness"))
                    .holdOff(s.duration("job.hold-off"))
                    .incidents(incidents(s)).build();
            Path checkpoints = base.resolve(s.text("job.checkpoint-dir"));
            Path resume = s.bool("job.resume") ? LocalJobRunner.latestCheckpoint(checkpoints).orElse(null) : null;
            String backend = s.oneOf("job.state-backend", "hashmap", "hashmap", "rocksdb");
            CheckpointBackend.check(checkpoints, resume, backend, s);
            started.add(LocalJobRunner.start(job, s.integer("job.parallelism"), checkpoints, resume,
                    LocalJobRunner.KeyedState.named(backend)));
            CheckpointBackend.record(checkpoints, backend);

            // InfluxDB reads Kafka at its own pace: a slow or absent store never holds up alerting
            recorder = RecorderNode.startIfConfigured(s, kafkaBootstrap, inForce.engine().registry());
            if (recorder != null) {
                started.add(recorder);
            }
            console = consoleSetup.start(kafkaBootstrap);
            started.add(console);
            gateway = gatewaySetup.start(kafkaBootstrap, inForce.engine().registry());
            started.add(gateway);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Every topic, with kafka.partitions for the keyed ones. */
    static List<TopicSpec> topics(Settings s) {
        int partitions = s.integer("kafka.partitions");
        return Topics.ALL.stream().map(t -> new TopicSpec(t, Topics.partitions(t, partitions), Topics.isCompacted(t)))
                .toList();
    }

    public static ParkWatchStandalone start(Settings s, Path base) throws Exception {
        long t0 = System.nanoTime();
        ParkWatchStandalone p = new ParkWatchStandalone(s, base);
        LOG.info("ParkWatch ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
        return p;
    }

    public PointRegistry points() {
        return gateway.points();
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public int mqttPort() {
        return gateway.gateway().mqttPort();
    }

    public Gateway gateway() {
        return gateway.gateway();
    }

    public int consolePort() {
        return console.console().port();
    }

    public Console console() {
        return console.console();
    }

    /** The InfluxDB recorder, when the influxdb section names a server. */
    public java.util.Optional<io.parkwatch.recorder.InfluxRecorder> recorder() {
        return java.util.Optional.ofNullable(recorder).map(RecorderNode::recorder);
    }

    public boolean influxOn() {
        return influxOn;
    }

    /** Stops in reverse order: gateway first (no new readings), then console, job, Kafka last. */
    @Override
    public void close() {
        started.close();
    }
}
