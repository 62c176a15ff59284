package io.parkwatch.cli;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the commands that send readings to a running ParkWatch's gateway (simulate, replay). */
final class ParkTarget {

    @Option(names = "--mqtt", description = "gateway URL (default: tcp://localhost:<gateway.mqtt-port>)")
    String mqtt;

    @Mixin
    ConfigOption config;

    Settings settings() {
        return config.settings();
    }

    /** The park's points, from files.points. */
    PointRegistry park(Settings s) {
        return PointRegistryFile.parse(YamlSource.read(ParkWatchCli.base().resolve(s.text("files.points"))));
    }

    String mqttUrl(Settings s) {
        return mqtt != null ? mqtt : "tcp://localhost:" + s.integer("gateway.mqtt-port");
    }
}
