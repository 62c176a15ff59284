package io.parkwatch.cli;

import io.parkwatch.ingest.Gateway;
import io.parkwatch.ingest.GatewayConfig;
import io.parkwatch.ingest.device.DeviceRegistry;
import io.parkwatch.ingest.device.DeviceRegistryFile;
import io.parkwatch.ingest.hj212.Hj212Logger;
import io.parkwatch.rules.config.PointRegistry;
import java.nio.file.Path;
import java.util.Map;

/** A gateway in front of Kafka, following the point registry on the config topic (no restart for new points). */
final class GatewayNode implements AutoCloseable {

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

    private final FollowedPoints points;
    private final Gateway gateway;

    private GatewayNode(Setup setup, String kafka, PointRegistry inForce) throws Exception {
        points = new FollowedPoints("gateway", kafka, inForce);
        try {
            gateway = Gateway.start(setup.config(), points, setup.devices(), setup::loggers, kafka);
        } catch (Exception | Error e) {
            points.close();
            throw e;
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
        points.close();
    }
}
