package io.parkwatch.cli;

import io.parkwatch.ingest.Gateway;
import io.parkwatch.ingest.GatewayConfig;
import io.parkwatch.ingest.device.DeviceRegistry;
import io.parkwatch.ingest.device.DeviceRegistryFile;
import io.parkwatch.ingest.hj212.Hj212Logger;
import io.parkwatch.platform.kafka.ConfigFollower;
import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.wire.ConfigDocument;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A gateway in front of Kafka, following the point registry on the config topic (no restart for new points). */
final class GatewayNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayNode.class);

    /** The gateway's files read and checked, before anything starts. */
    record Setup(GatewayConfig config, DeviceRegistry devices, Map<String, Hj212Logger> loggers) {

        static Setup of(Settings s, Path base, PointRegistry registry) {
            return new Setup(GatewaySettings.config(s, base, registry.park().timeZone()), DeviceRegistryFile.load(base.resolve(s.text("files.devices")),
                    registry), GatewaySettings.loggers(s, base, registry));
        }

        GatewayNode start(String kafka, PointRegistry inForce) throws Exception {
            return new GatewayNode(this, kafka, inForce);
        }
    }

    private final AtomicReference<PointRegistry> points;
    private final ConfigFollower follower;
    private final Gateway gateway;

    private GatewayNode(Setup setup, String kafka, PointRegistry inForce) throws Exception {
        points = new AtomicReference<>(inForce);
        follower = new ConfigFollower(kafka, this::onConfig);
        try {
            gateway = Gateway.start(setup.config(), points::get, setup.devices(), setup::loggers, kafka);
        } catch (Exception | Error e) {
            follower.close();
            throw e;
        }
    }

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

    Gateway gateway() {
        return gateway;
    }

    PointRegistry points() {
        return points.get();
    }

    @Override
    public void close() {
        gateway.close();
        follower.close();
    }
}
