package io.parkwatch.cli;

import io.parkwatch.rules.config.ConfigError;
import io.parkwatch.rules.config.ConfigException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the commands that run one part of ParkWatch against a Kafka cluster (never an embedded broker). */
final class ExternalKafka {

    @Mixin
    ConfigOption config;

    @Option(names = "--kafka", description = "Kafka bootstrap servers (default: kafka.bootstrap-servers, "
            + "PARKWATCH_KAFKA_BOOTSTRAP_SERVERS)")
    String kafka;

    Settings settings() {
        return config.settings();
    }

    String bootstrap(Settings s) {
        String b = kafka != null ? kafka : s.text("kafka.bootstrap-servers");
        if (b.isBlank()) {
            throw new ConfigException(new ConfigError(config.file.toString(), 0, 0, "kafka.bootstrap-servers",
                    "no Kafka to connect to: give --kafka HOST:PORT or set kafka.bootstrap-servers "
                            + "(PARKWATCH_KAFKA_BOOTSTRAP_SERVERS)"));
        }
        return b;
    }
}
