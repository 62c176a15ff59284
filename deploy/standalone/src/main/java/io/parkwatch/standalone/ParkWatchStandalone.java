package io.parkwatch.standalone;

import io.parkwatch.console.Console;
import io.parkwatch.console.ConsoleConfig;
import io.parkwatch.console.auth.UsersFile;
import io.parkwatch.console.notify.Channel;
import io.parkwatch.console.notify.Notifier;
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
import io.parkwatch.rules.config.ParkFiles;
import io.parkwatch.rules.engine.RuleEngine;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.kafka.ConfigFollower;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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
    private final AtomicReference<PointRegistry> points = new AtomicReference<>();
    private final String kafkaBootstrap;
    private final Gateway gateway;
    private final Console console;
    private final boolean influxOn;

    private ParkWatchStandalone(Settings s, Path base) throws Exception {
        // Configuration first: a bad file stops start-up with its line and field before anything runs.
        Map<String, ParkFiles.Text> files = new LinkedHashMap<>();
        files.put(ConfigDocument.POINTS, file(base, s.text("files.points")));
        files.put(ConfigDocument.RULES, file(base, s.text("files.rules")));
        files.put(ConfigDocument.MAINTENANCE, s.text("files.maintenance").isEmpty() ? null
                : file(base, s.text("files.maintenance")));
        files.put(ConfigDocument.CONTACTS, s.text("files.contacts").isEmpty() ? null
                : file(base, s.text("files.contacts")));
        RuleEngine fromFiles = ParkFiles.engine(files.get(ConfigDocument.POINTS), files.get(ConfigDocument.RULES),
                files.get(ConfigDocument.MAINTENANCE));
        DeviceRegistry devices = DeviceRegistryFile.load(base.resolve(s.text("files.devices")), fromFiles.registry());
        GatewayConfig gatewayConfig = GatewaySettings.config(s, base);
        Map<String, io.parkwatch.ingest.hj212.Hj212Logger> loggers = GatewaySettings.loggers(s, base, fromFiles.registry());
        ConsoleConfig consoleConfig = new ConsoleConfig(s.text("console.bind"), s.integer("console.http-port"),
                UsersFile.load(base.resolve(s.text("files.users")), fromFiles.registry()), s.duration("console.session-idle"),
                s.duration("console.session-max-age"), s.integer("console.readings-per-point"),
                s.integer("console.max-history-events"),
                s.text("console.session-file").isEmpty() ? null : base.resolve(s.text("console.session-file")));
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

            ParkConfig inForce = configInForce(kafkaBootstrap, files);
            points.set(inForce.engine().registry());
            started.add(new ConfigFollower(kafkaBootstrap, this::onConfig));

            JobSettings job = new JobSettings(kafkaBootstrap, "parkwatch-rules", inForce,
                    s.duration("job.checkpoint-interval"), s.duration("job.out-of-orderness"), s.duration("job.idleness"),
                    influx, s.bool("job.write-readings"), s.duration("job.hold-off"));
            Path checkpoints = base.resolve(s.text("job.checkpoint-dir"));
            Path resume = s.bool("job.resume") ? LocalJobRunner.latestCheckpoint(checkpoints).orElse(null) : null;
            started.add(LocalJobRunner.start(job, s.integer("job.parallelism"), checkpoints, resume));

            console = Console.start(consoleConfig, kafkaBootstrap);
            started.add(console);
            List<Channel> channels = NotifierChannels.from(s);
            if (channels.isEmpty()) {
                LOG.info("notifier: no channel configured (notifier.webhooks, mqtt-url, sms-url, voice-url): no deliveries");
            } else {
                started.add(new Notifier(kafkaBootstrap, "parkwatch-notifier", channels, s.integer("notifier.max-attempts"),
                        s.duration("notifier.backoff")));
            }

            gateway = Gateway.start(gatewayConfig, points::get, devices, () -> loggers, kafkaBootstrap);
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

    /**
     * The config topic is the configuration in force once it holds a document of a kind; a kind it
     * lacks is seeded from the file. A file that differs from what is in force is pointed out, not applied.
     */
    private static ParkConfig configInForce(String bootstrap, Map<String, ParkFiles.Text> files) throws Exception {
        Map<String, ConfigDocument> topic = ConfigTopic.latest(bootstrap);
        Map<String, String> texts = new HashMap<>();
        for (Map.Entry<String, ParkFiles.Text> f : files.entrySet()) {
            ConfigDocument doc = topic.get(f.getKey());
            if (doc == null && f.getValue() != null) {
                doc = new ConfigDocument(f.getKey(), f.getValue().text(), f.getValue().label(), System.currentTimeMillis());
                ConfigTopic.publish(bootstrap, doc);
                LOG.info("{}: seeded {} from {}", Topics.CONFIG, f.getKey(), f.getValue().label());
            } else if (doc != null) {
                LOG.info("{} in force: from {} as applied {} ({})", f.getKey(), doc.source(),
                        java.time.Instant.ofEpochMilli(doc.publishedAt()), Topics.CONFIG);
                if (f.getValue() != null && !f.getValue().text().equals(doc.yaml())) {
                    LOG.warn("{} differs from the {} in force; to use it: ./parkwatch {} apply {}", f.getValue().label(),
                            f.getKey(), f.getKey(), f.getValue().label());
                }
            }
            texts.put(f.getKey(), doc == null ? null : doc.yaml());
        }
        ParkConfig c = new ParkConfig(texts.get(ConfigDocument.POINTS), texts.get(ConfigDocument.RULES),
                texts.get(ConfigDocument.MAINTENANCE), texts.get(ConfigDocument.CONTACTS));
        c.engine(); // the combination in force must hold together
        c.plan();
        return c;
    }

    /** A new point registry on the config topic reaches the gateway without a restart. */
    private void onConfig(ConfigDocument doc) {
        if (!ConfigDocument.POINTS.equals(doc.kind())) {
            return;
        }
        try {
            PointRegistry next = PointRegistryFile.parse(YamlSource.parse(doc.source(), doc.yaml()));
            if (points.getAndSet(next) != next) {
                LOG.info("gateway: point registry from {} in use ({} points)", doc.source(), next.points().size());
            }
        } catch (ConfigException e) {
            LOG.error("gateway: point registry from {} refused, previous one stays:\n{}", doc.source(), e.getMessage());
        }
    }

    private static ParkFiles.Text file(Path base, String name) {
        return new ParkFiles.Text(name, read(base.resolve(name)));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    public PointRegistry points() {
        return points.get();
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public int mqttPort() {
        return gateway.mqttPort();
    }

    public Gateway gateway() {
        return gateway;
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
