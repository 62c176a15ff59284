package io.parkwatch.ingest;

import io.parkwatch.ingest.bridge.BrokerBridge;
import io.parkwatch.ingest.hj212.Hj212Endpoint;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the gateway (section {@code gateway} of parkwatch.yaml).
 *
 * @param bindHost                 address to listen on
 * @param mqttPort                 plain MQTT port (1883 by default; 0 picks a free one; -1 turns it off)
 * @param maxPayloadBytes          payloads above this are refused with PAYLOAD_TOO_LARGE (and kept, cut, in the rejected topic)
 * @param futureSkew               how far ahead of the gateway clock a reading's timestamp may be
 * @param connectTimeout           how long a new connection may take to send CONNECT
 * @param deliveryTimeout          how long Kafka may take to acknowledge before the device's connection is closed unacknowledged
 * @param tls                      MQTT over TLS on its own port, or null
 * @param hj212                    the HJ 212 TCP endpoint, or null
 * @param maxConnectionsPerAddress connections one source address may hold
 * @param maxReadingsPerSecond     readings one connection may send per second (more are refused: RATE_LIMITED)
 * @param backpressureHigh         records waiting for Kafka above which device reads pause (resume at a quarter)
 * @param metricsPort              Prometheus {@code /metrics} port (0 picks a free one; -1 turns it off)
 * @param bridge                   subscribe to readings on an existing broker, or null
 */
public record GatewayConfig(String bindHost, int mqttPort, int maxPayloadBytes, Duration futureSkew,
        Duration connectTimeout, Duration deliveryTimeout, Tls tls, Hj212Endpoint.Settings hj212,
        int maxConnectionsPerAddress, int maxReadingsPerSecond, long backpressureHigh, int metricsPort,
        BrokerBridge.Settings bridge) {

    /** MQTT over TLS: PEM certificate chain and PKCS#8 private key (with its password, or null). */
    public record Tls(int port, Path certificate, Path privateKey, String keyPassword) {
    }

    public GatewayConfig(String bindHost, int mqttPort, int maxPayloadBytes, Duration futureSkew,
            Duration connectTimeout, Duration deliveryTimeout) {
        this(bindHost, mqttPort, maxPayloadBytes, futureSkew, connectTimeout, deliveryTimeout, null, null, 100, 1000,
                20_000, -1, null);
    }

    public static GatewayConfig defaults() {
        return new GatewayConfig("0.0.0.0", 1883, 64 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(120));
    }

    /** Hard limit for one MQTT packet; above it the decoder refuses to buffer it at all. */
    public int maxPacketBytes() {
        return maxPayloadBytes * 4 + 1024;
    }

    public GatewayConfig withPort(int port) {
        return new GatewayConfig(bindHost, port, maxPayloadBytes, futureSkew, connectTimeout, deliveryTimeout, tls, hj212,
                maxConnectionsPerAddress, maxReadingsPerSecond, backpressureHigh, metricsPort, bridge);
    }

    public GatewayConfig withTls(Tls t) {
        return new GatewayConfig(bindHost, mqttPort, maxPayloadBytes, futureSkew, connectTimeout, deliveryTimeout, t, hj212,
                maxConnectionsPerAddress, maxReadingsPerSecond, backpressureHigh, metricsPort, bridge);
    }

    public GatewayConfig withHj212(Hj212Endpoint.Settings h) {
        return new GatewayConfig(bindHost, mqttPort, maxPayloadBytes, futureSkew, connectTimeout, deliveryTimeout, tls, h,
                maxConnectionsPerAddress, maxReadingsPerSecond, backpressureHigh, metricsPort, bridge);
    }

    public GatewayConfig withLimits(int connectionsPerAddress, int readingsPerSecond) {
        return new GatewayConfig(bindHost, mqttPort, maxPayloadBytes, futureSkew, connectTimeout, deliveryTimeout, tls,
                hj212, connectionsPerAddress, readingsPerSecond, backpressureHigh, metricsPort, bridge);
    }

    public GatewayConfig withBackpressure(long high) {
        return new GatewayConfig(bindHost, mqttPort, maxPayloadBytes, futureSkew, connectTimeout, deliveryTimeout, tls,
                hj212, maxConnectionsPerAddress, maxReadingsPerSecond, high, metricsPort, bridge);
    }

    public GatewayConfig withBridge(BrokerBridge.Settings b) {
        return new GatewayConfig(bindHost, mqttPort, maxPayloadBytes, futureSkew, connectTimeout, deliveryTimeout, tls,
                hj212, maxConnectionsPerAddress, maxReadingsPerSecond, backpressureHigh, metricsPort, b);
    }

    public GatewayConfig withMetricsPort(int port) {
        return new GatewayConfig(bindHost, mqttPort, maxPayloadBytes, futureSkew, connectTimeout, deliveryTimeout, tls,
                hj212, maxConnectionsPerAddress, maxReadingsPerSecond, backpressureHigh, port, bridge);
    }
}
