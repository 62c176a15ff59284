package io.parkwatch.cli;

import java.nio.file.Path;
import java.util.Map;

/** The demo's settings for a standalone in a test: every port picked free, on loopback, its data in a temporary folder. */
final class LocalPark {

    private LocalPark() {
    }

    static Settings settings(Path tmp) {
        return Settings.load(StandaloneEndToEndIT.ROOT.resolve("config/parkwatch.yaml"), Map.of())
                .with("kafka.data-dir", tmp.resolve("kafka")).with("kafka.port", 0)
                .with("gateway.bind", "127.0.0.1").with("gateway.mqtt-port", 0).with("gateway.hj212.port", 0)
                .with("gateway.metrics-port", 0).with("console.metrics-port", 0)
                .with("console.bind", "127.0.0.1").with("console.http-port", 0)
                .with("job.checkpoint-dir", tmp.resolve("checkpoints")).with("job.checkpoint-interval", "2s")
                .with("influxdb.url", "").with("console.link-secret-file", tmp.resolve("link.key").toString());
    }
}
