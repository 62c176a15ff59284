package io.parkwatch.ingest;

import java.time.Duration;

/**
 * Settings of the gateway (section {@code gateway} of parkwatch.yaml).
 *
 * @param bindHost        address to listen on
 * @param mqttPort        MQTT port (1883 by default; 0 picks a free one)
 * @param maxPayloadBytes payloads above this are refused with PAYLOAD_TOO_LARGE (and kept, cut, in the rejected topic)
 * @param futureSkew      how far ahead of the gateway clock a reading's timestamp may be
 * @param connectTimeout  how long a new connection may take to send CONNECT
 * @param deliveryTimeout how long Kafka may take to acknowledge before the device's connection is closed unacknowledged
 */
public record GatewayConfig(String bindHost, int mqttPort, int maxPayloadBytes, Duration futureSkew,
        Duration connectTimeout, Duration deliveryTimeout) {

    public static GatewayConfig defaults() {
        return new GatewayConfig("0.0.0.0", 1883, 64 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(120));
    }

    /** Hard limit for one MQTT packet; above it the decoder refuses to buffer it at all. */
    public int maxPacketBytes() {
        return maxPayloadBytes * 4 + 1024;
    }

    public GatewayConfig withPort(int port) {
        return new GatewayConfig(bindHost, port, maxPayloadBytes, futureSkew, connectTimeout, deliveryTimeout);
    }
}
