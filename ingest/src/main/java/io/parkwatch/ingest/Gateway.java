package io.parkwatch.ingest;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.channel.nio.NioEventLoopGroup;
import io.parkwatch.ingest.bridge.BrokerBridge;
import io.parkwatch.ingest.device.DeviceRegistry;
import io.parkwatch.ingest.hj212.Hj212Endpoint;
import io.parkwatch.ingest.hj212.Hj212Logger;
import io.parkwatch.ingest.intake.ReadingIntake;
import io.parkwatch.ingest.kafka.KafkaReadingSink;
import io.parkwatch.ingest.metrics.GatewayMetrics;
import io.parkwatch.ingest.mqtt.MqttGateway;
import io.parkwatch.ingest.net.Backpressure;
import io.parkwatch.platform.auth.PasswordGate;
import io.parkwatch.platform.lifecycle.Parts;
import io.parkwatch.platform.metrics.MetricsServer;
import io.parkwatch.rules.config.PointRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The gateway process: the MQTT endpoint (plain and TLS), the HJ 212 endpoint, the bridge from an
 * existing broker, the shared validation, the Kafka producer behind them with back-pressure, and
 * {@code /metrics}.
 */
public final class Gateway implements AutoCloseable {

    private final Parts parts = new Parts("gateway");
    // named, so a thread dump or a CPU profile tells the gateway's network threads from the console's
    private final EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("gateway-accept"));
    private final EventLoopGroup workers = new NioEventLoopGroup(0, new DefaultThreadFactory("gateway-io"));
    /** One gate for every password a device gives (MQTT CONNECT, HJ 212 PW): bounded, fair, throttled. */
    private final PasswordGate passwords = PasswordGate.builder("gateway-auth").build();
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final Backpressure backpressure;
    private final KafkaReadingSink sink;
    private final ReadingIntake intake;
    private MqttGateway mqtt;
    private Hj212Endpoint hj212;
    private MetricsServer metricsServer;

    private Gateway(GatewayConfig config, Supplier<PointRegistry> points, String kafkaBootstrap) {
        backpressure = new Backpressure(config.backpressureHigh(), config.backpressureHigh() / 4);
        sink = new KafkaReadingSink(kafkaBootstrap, config.deliveryTimeout(), Map.of(), backpressure, metrics);
        intake = new ReadingIntake(points, config.futureSkew(), config.maxPayloadBytes());
        metrics.gauge("parkwatch.gateway.kafka.waiting", "records handed to Kafka and not yet acknowledged",
                backpressure::inFlight);
        metrics.gauge("parkwatch.gateway.reads.paused", "1 while device reads are paused for Kafka",
                () -> backpressure.paused() ? 1 : 0);
    }

    public static Gateway start(GatewayConfig config, PointRegistry points, DeviceRegistry devices,
            String kafkaBootstrap) throws InterruptedException {
        return start(config, () -> points, devices, Map::of, kafkaBootstrap);
    }

    /** With a registry that may change while running (followed from the config topic). */
    public static Gateway start(GatewayConfig config, Supplier<PointRegistry> points, DeviceRegistry devices,
            String kafkaBootstrap) throws InterruptedException {
        return start(config, points, devices, Map::of, kafkaBootstrap);
    }

    /** With HJ 212 data loggers (used when {@code config.hj212()} is set). */
    public static Gateway start(GatewayConfig config, Supplier<PointRegistry> points, DeviceRegistry devices,
            Supplier<Map<String, Hj212Logger>> loggers, String kafkaBootstrap) throws InterruptedException {
        Gateway g = new Gateway(config, points, kafkaBootstrap);
        try {
            g.sink.awaitReady(Duration.ofSeconds(60));
            g.mqtt = new MqttGateway(config, () -> devices, g.intake, g.sink, g.metrics, g.backpressure, g.boss,
                    g.workers, g.passwords).start();
            g.parts.add(g.mqtt);
            if (config.hj212() != null) {
                g.hj212 = new Hj212Endpoint(config.hj212(), g.boss, g.workers, loggers, g.intake, g.sink, g.metrics,
                        g.backpressure, g.passwords);
                g.parts.add(g.hj212);
            }
            if (config.bridge() != null) {
                g.parts.add(new BrokerBridge(config.bridge(), g.intake, g.sink, g.metrics).start());
            }
            if (config.metricsPort() >= 0) {
                g.metricsServer = new MetricsServer("gateway", config.bindHost(), config.metricsPort(), g.metrics::scrape, g.boss,
                        g.workers);
                g.parts.add(g.metricsServer);
            }
            return g;
        } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
            g.close();
            throw new IllegalStateException("gateway.bridge: cannot subscribe at " + config.bridge().url() + ": " + e, e);
        } catch (RuntimeException | InterruptedException e) {
            g.close();
            throw e;
        }
    }

    public int mqttPort() {
        return mqtt.port();
    }

    public int mqttTlsPort() {
        return mqtt.tlsPort();
    }

    public int hj212Port() {
        return hj212 == null ? -1 : hj212.port();
    }

    public int metricsPort() {
        return metricsServer == null ? -1 : metricsServer.port();
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    public Backpressure backpressure() {
        return backpressure;
    }

    /** Stops taking readings first (device ports), then lets the producer flush what it holds. */
    @Override
    public void close() {
        parts.close();
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        passwords.close();
        sink.close();
    }
}
