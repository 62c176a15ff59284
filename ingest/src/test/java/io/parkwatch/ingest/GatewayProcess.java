package io.parkwatch.ingest;

import io.parkwatch.ingest.device.DeviceRegistryFile;
import io.parkwatch.ingest.hj212.Hj212Endpoint;
import io.parkwatch.ingest.hj212.Hj212LoggersFile;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway as a process of its own, for the kill test (a test fixture: deployments use {@code parkwatch
 * gateway}, which reads parkwatch.yaml and follows point registry changes on the config topic). Usage:
 * {@code GatewayProcess --kafka HOST:PORT --points points.yaml --devices devices.yaml [--port 1883]
 * [--hj212-port 9212 --loggers hj212.yaml] [--metrics-port 9400]}.
 */
public final class GatewayProcess {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayProcess.class);

    private GatewayProcess() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            a.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : new String[] {"kafka", "points", "devices"}) {
            if (!a.containsKey(required)) {
                System.err.println("usage: GatewayProcess --kafka HOST:PORT --points FILE --devices FILE [--port N]"
                        + " [--hj212-port N --loggers FILE] [--metrics-port N] [--bind ADDRESS]"
                        + " [--max-readings-per-second N] [--max-connections-per-address N]");
                System.exit(2);
            }
        }
        PointRegistry points = PointRegistryFile.parse(YamlSource.read(Path.of(a.get("points"))));
        GatewayConfig config = new GatewayConfig(a.getOrDefault("bind", "0.0.0.0"),
                Integer.parseInt(a.getOrDefault("port", "1883")), 64 * 1024, Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(120))
                .withMetricsPort(Integer.parseInt(a.getOrDefault("metrics-port", "-1")))
                .withLimits(Integer.parseInt(a.getOrDefault("max-connections-per-address", "100")),
                        Integer.parseInt(a.getOrDefault("max-readings-per-second", "1000")));
        var loggers = Map.<String, io.parkwatch.ingest.hj212.Hj212Logger>of();
        if (a.containsKey("hj212-port")) {
            loggers = Hj212LoggersFile.load(Path.of(a.get("loggers")), points);
            config = config.withHj212(new Hj212Endpoint.Settings(config.bindHost(), Integer.parseInt(a.get("hj212-port")),
                    1024, Duration.ofMinutes(5), ZoneId.of(a.getOrDefault("hj212-zone", "Asia/Shanghai")),
                    Duration.ofMinutes(1), 100));
        }
        var known = loggers;
        Gateway g = Gateway.start(config, () -> points, DeviceRegistryFile.load(Path.of(a.get("devices")), points),
                () -> known, a.get("kafka"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            g.close();
            stopped.countDown();
        }, "gateway-shutdown"));
        LOG.info("gateway ready: MQTT {}, HJ 212 {}, metrics {}", g.mqttPort(), g.hj212Port(), g.metricsPort());
        stopped.await();
    }
}
