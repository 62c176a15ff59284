package io.parkwatch.cli;

import io.parkwatch.platform.kafka.ConfigTopic;
import io.parkwatch.rules.config.ConfigError;
import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.Topics;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;

/**
 * One part of a distributed ParkWatch as a process of its own (a gateway, a console): against a Kafka
 * cluster, with the point registry in force on the config topic, running until the process is stopped.
 */
abstract class PartCommand implements Callable<Integer> {

    static final Logger LOG = LoggerFactory.getLogger("parkwatch");

    @Mixin
    ExternalKafka kafka;

    /** Starts the part; what it returns is closed when the process is told to stop. */
    abstract AutoCloseable start(Settings s, String bootstrap, PointRegistry registry) throws Exception;

    abstract String name();

    @Override
    public Integer call() throws Exception {
        Settings s = kafka.settings();
        String bootstrap = kafka.bootstrap(s);
        return Foreground.until(name(), start(s, bootstrap, pointsInForce(bootstrap)));
    }

    /** The point registry on the config topic ({@code parkwatch init} puts it there). */
    static PointRegistry pointsInForce(String bootstrap) {
        ConfigDocument points;
        try {
            points = ConfigTopic.latest(bootstrap).get(ConfigDocument.POINTS);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new ConfigException(new ConfigError("parkwatch.yaml", 0, 0, "kafka.bootstrap-servers",
                    "cannot read " + Topics.CONFIG + " from Kafka at " + bootstrap + ": " + e.getMessage()));
        }
        if (points == null) {
            throw new ConfigException(new ConfigError(Topics.CONFIG, 0, 0, ConfigDocument.POINTS,
                    "no point registry on Kafka " + bootstrap + ": run `parkwatch init` first"));
        }
        return PointRegistryFile.parse(YamlSource.parse(points.source(), points.yaml()));
    }
}
