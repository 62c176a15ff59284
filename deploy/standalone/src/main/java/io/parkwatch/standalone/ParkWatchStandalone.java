package io.parkwatch.standalone;

import io.parkwatch.console.Console;
import io.parkwatch.console.ConsoleConfig;
import io.parkwatch.ingest.Gateway;
import io.parkwatch.ingest.GatewayConfig;
import io.parkwatch.ingest.device.DeviceRegistry;
import io.parkwatch.ingest.device.DeviceRegistryFile;
import io.parkwatch.job.InfluxSettings;
import io.parkwatch.job.JobSettings;
import io.parkwatch.job.LocalJobRunner;
import io.parkwatch.job.ParkConfig;
import io.parkwatch.kafka.EmbeddedKafka;
import io.parkwatch.kafka.TopicSpec;
import io.parkwatch.rules.config.ConfigError;
import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.RuleFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.wire.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything in one JVM: embedded KRaft Kafka, the gateway, the Flink job in a MiniCluster and the
 * console. The components talk only through Kafka, exactly as they do when run as separate processes.
 */
public final class ParkWatchStandalone implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ParkWatchStandalone.class);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final PointRegistry points;
    private final String kafkaBootstrap;
    private final Gateway gateway;
    private final Console console;
    private final boolean influxOn;

    private ParkWatchStandalone(Settings s, Path base) throws Exception {
        // Configuration first: a bad file stops start-up with its line and field before anything runs.
        String pointsYaml = read(base.resolve(s.text("files.points")));
        String rulesYaml = read(base.resolve(s.text("files.rules")));
        points = PointRegistryFile.parse(YamlSource.parse(s.text("files.points"), pointsYaml));
        RuleFile.parse(YamlSource.parse(s.text("files.rules"), rulesYaml), points);
        DeviceRegistry devices = DeviceRegistryFile.load(base.resolve(s.text("files.devices")), points);
        InfluxSettings influx = influx(s);
        influxOn = influx != null;

        try {
            if (s.bool("kafka.embedded")) {
                EmbeddedKafka kafka = new EmbeddedKafka(base.resolve(s.text("kafka.data-dir")), s.integer("kafka.port"));
                started.add(kafka.start());
                kafkaBootstrap = kafka.bootstrapServers();
                int partitions = s.integer("kafka.partitions");
                kafka.createTopics(Topics.ALL.stream()
                        .map(t -> new TopicSpec(t, Topics.partitions(t, partitions), Topics.isCompacted(t))).toList());
            } else {
                kafkaBootstrap = s.text("kafka.bootstrap-servers");
            }

            JobSettings job = new JobSettings(kafkaBootstrap, "parkwatch-rules", new ParkConfig(pointsYaml, rulesYaml, null),
                    s.duration("job.checkpoint-interval"), s.duration("job.out-of-orderness"), s.duration("job.idleness"),
                    influx, s.bool("job.write-readings"));
            started.add(LocalJobRunner.start(job, s.integer("job.parallelism"),
                    base.resolve(s.text("job.checkpoint-dir"))));

            console = Console.start(new ConsoleConfig(s.text("console.bind"), s.integer("console.http-port")), kafkaBootstrap);
            started.add(console);

            GatewayConfig gw = new GatewayConfig(s.text("gateway.bind"), s.integer("gateway.mqtt-port"),
                    s.integer("gateway.max-payload-bytes"), s.duration("gateway.future-skew"),
                    s.duration("gateway.connect-timeout"), s.duration("gateway.delivery-timeout"));
            gateway = Gateway.start(gw, points, devices, kafkaBootstrap);
            started.add(gateway);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    public static ParkWatchStandalone start(Settings s, Path base) throws Exception {
        long t0 = System.nanoTime();
        ParkWatchStandalone p = new ParkWatchStandalone(s, base);
        LOG.info("ParkWatch ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
        return p;
    }

    static InfluxSettings influx(Settings s) {
        List<String> missing = new ArrayList<>();
        List<String> set = new ArrayList<>();
        for (String k : List.of("url", "token", "org", "bucket")) {
            (s.text("influxdb." + k).isEmpty() ? missing : set).add(k);
        }
        if (set.isEmpty()) {
            return null;
        }
        if (!missing.isEmpty()) {
            throw new ConfigException(new ConfigError("parkwatch.yaml", 0, 0, "influxdb",
                    "set all of url, token, org and bucket to write to InfluxDB; missing: " + String.join(", ", missing)
                            + " (e.g. " + Settings.envName("influxdb." + missing.get(0)) + ")"));
        }
        return InfluxSettings.of(s.text("influxdb.url"), s.text("influxdb.token"), s.text("influxdb.org"),
                s.text("influxdb.bucket"));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    public PointRegistry points() {
        return points;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public int mqttPort() {
        return gateway.mqttPort();
    }

    public int consolePort() {
        return console.port();
    }

    public Console console() {
        return console;
    }

    public boolean influxOn() {
        return influxOn;
    }

    /** Stops in reverse order: gateway first (no new readings), then console, job, Kafka last. */
    @Override
    public void close() {
        List<AutoCloseable> reverse = new ArrayList<>(started);
        java.util.Collections.reverse(reverse);
        Stream.of(reverse.toArray(AutoCloseable[]::new)).forEach(c -> {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
            }
        });
        started.clear();
    }
}
