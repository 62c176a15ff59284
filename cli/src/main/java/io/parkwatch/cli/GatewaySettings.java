package io.parkwatch.cli;

import io.parkwatch.ingest.GatewayConfig;
import io.parkwatch.ingest.bridge.BrokerBridge;
import io.parkwatch.ingest.hj212.Hj212Endpoint;
import io.parkwatch.ingest.hj212.Hj212Logger;
import io.parkwatch.ingest.hj212.Hj212LoggersFile;
import io.parkwatch.rules.config.PointRegistry;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/** The gateway's part of parkwatch.yaml: ports, TLS, HJ 212, the broker bridge, limits and metrics. */
final class GatewaySettings {

    private GatewaySettings() {
    }

    static GatewayConfig config(Settings s, Path base, ZoneId parkZone) {
        GatewayConfig c = new GatewayConfig(s.text("gateway.bind"), s.integer("gateway.mqtt-port"),
                s.integer("gateway.max-payload-bytes"), s.duration("gateway.future-skew"),
                s.duration("gateway.connect-timeout"), s.duration("gateway.delivery-timeout"))
                .withLimits(s.integer("gateway.max-connections-per-address"), s.integer("gateway.max-readings-per-second"))
                .withBackpressure(s.integer("gateway.backpressure-high"))
                .withMetricsPort(s.integer("gateway.metrics-port"));
        if (s.integer("gateway.tls.port") >= 0) {
            String password = s.text("gateway.tls.key-password");
            c = c.withTls(new GatewayConfig.Tls(s.integer("gateway.tls.port"), base.resolve(s.text("gateway.tls.certificate")),
                    base.resolve(s.text("gateway.tls.private-key")), password.isEmpty() ? null : password));
        }
        if (s.integer("gateway.hj212.port") >= 0) {
            c = c.withHj212(new Hj212Endpoint.Settings(s.text("gateway.bind"), s.integer("gateway.hj212.port"),
                    s.integer("gateway.hj212.max-segment"), s.duration("gateway.hj212.idle"),
                    hj212Zone(s, parkZone), s.duration("gateway.hj212.split-max-age"),
                    s.integer("gateway.max-connections-per-address")));
        }
        if (!s.text("gateway.bridge.url").isEmpty()) {
            c = c.withBridge(new BrokerBridge.Settings(s.text("gateway.bridge.url"), s.text("gateway.bridge.client-id"),
                    blankToNull(s.text("gateway.bridge.username")), blankToNull(s.text("gateway.bridge.password")),
                    blankToNull(s.text("gateway.bridge.group")), s.text("gateway.bridge.topic")));
        }
        return c;
    }

    /**
     * The clock HJ 212 loggers write DataTime in: the park's time zone (points.yaml {@code park: time-zone}), the one
     * rosters, reports and pages use, unless {@code gateway.hj212.zone} names another (loggers set to another clock).
     */
    static ZoneId hj212Zone(Settings s, ZoneId parkZone) {
        String zone = s.text("gateway.hj212.zone");
        return zone.isBlank() ? parkZone : ZoneId.of(zone);
    }

    static Map<String, Hj212Logger> loggers(Settings s, Path base, PointRegistry points) {
        String file = s.text("files.hj212");
        return file.isEmpty() ? Map.of() : Hj212LoggersFile.load(base.resolve(file), points);
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
