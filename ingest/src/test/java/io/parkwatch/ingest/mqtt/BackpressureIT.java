package io.parkwatch.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.parkwatch.ingest.GatewayConfig;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.wire.Topics;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device floods QoS 0 readings while Kafka is down: the gateway stops reading its socket once a
 * bounded number of records waits for Kafka (the device's writes block in TCP), and every reading
 * arrives once Kafka is back.
 */
class BackpressureIT {

    static final int HIGH = 500;

    @TempDir
    Path dir;

    static byte[] encode(MqttMessage m) {
        return GatewayFixture.bytes(m);
    }

    @Test
    void aFloodWhileKafkaIsDownIsHeldBackNotBufferedAndArrivesWhenKafkaReturns() throws Exception {
        try (GatewayFixture fx = new GatewayFixture(dir, GatewayConfig.defaults().withBackpressure(HIGH)
                .withLimits(10, 10_000_000));
                TopicRecorder readings = new TopicRecorder(fx.bootstrap(), Topics.READINGS)) {
            Socket device = new Socket("127.0.0.1", fx.gateway.mqttPort());
            OutputStream out = device.getOutputStream();
            out.write(encode(MqttMessageBuilders.connect().clientId("flood").username("dev-a")
                    .password("secret-a".getBytes(StandardCharsets.UTF_8)).protocolVersion(MqttVersion.MQTT_3_1_1)
                    .keepAlive(60).build()));
            out.flush();
            assertThat(device.getInputStream().readNBytes(4)[3]).isEqualTo((byte) 0); // CONNACK accepted

            fx.kafka.stop();
            int total = 150_000;
            AtomicLong written = new AtomicLong();
            long t0 = System.currentTimeMillis() - 300_000; // one ms apart: all of them stay in the past
            Thread flood = new Thread(() -> {
                try {
                    for (int i = 0; i < total; i++) {
                        byte[] publish = encode(MqttMessageBuilders.publish().topicName("parkwatch/ent-a/A1")
                                .qos(MqttQoS.AT_MOST_ONCE).payload(Unpooled.wrappedBuffer(("{\"ts\":" + (t0 + i)
                                        + ",\"v\":" + i + "}").getBytes(StandardCharsets.UTF_8))).build());
                        out.write(publish);
                        written.addAndGet(publish.length);
                    }
                    out.flush();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "flooding-device");
            flood.start();

            // the gateway pauses, and the device's writes stall: TCP pushes back, nothing piles up in the gateway
            await().atMost(Duration.ofSeconds(30)).until(() -> fx.gateway.backpressure().paused());
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(new java.util.concurrent.Callable<Boolean>() {
                        long last = -1;

                        @Override
                        public Boolean call() {
                            long now = written.get();
                            boolean stalled = now == last;
                            last = now;
                            return stalled;
                        }
                    });
            long stalledAt = written.get();
            long waiting = fx.gateway.backpressure().inFlight();
            System.out.printf("paused with %d records waiting for Kafka; the device stalled after %d of %d bytes%n",
                    waiting, stalledAt, (long) total * 60);
            assertThat(flood.isAlive()).isTrue();
            // bounded: the high-water mark plus what one socket read (64 KB) can hold, not the whole flood
            assertThat(waiting).isLessThan(HIGH + 2_000);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> fx.gateway.backpressure().inFlight() < HIGH + 2_000);

            fx.kafka.start();
            await().atMost(Duration.ofSeconds(120)).until(() -> !flood.isAlive());
            await().atMost(Duration.ofSeconds(60)).until(() -> readings.drain(Duration.ofSeconds(60)).size() >= total);
            assertThat(readings.drain(Duration.ofSeconds(10)).size()).isEqualTo(total);
            assertThat(fx.gateway.backpressure().paused()).isFalse();
            device.close();
        }
    }
}
