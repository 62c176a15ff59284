package io.parkwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.parkwatch.ingest.hj212.Hj212Endpoint;
import io.parkwatch.ingest.hj212.Hj212Frames;
import io.parkwatch.ingest.hj212.Hj212Logger;
import io.parkwatch.ingest.mqtt.GatewayFixture;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.wire.Topics;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input at both device ports at once: malformed JSON, oversized payloads, invalid UTF-8,
 * random bytes, truncated and slow frames. The gateway stays up, keeps serving a well-behaved MQTT
 * device and a well-behaved HJ 212 logger meanwhile, and counts every rejection it keeps.
 */
class GatewayFuzzIT {

    static final Map<String, Hj212Logger> LOGGERS = Map.of("MN-B-01", new Hj212Logger("MN-B-01", "ent-b",
            at.favre.lib.crypto.bcrypt.BCrypt.withDefaults().hashToString(4, "123456".toCharArray()), Map.of("a21028", "B2")));

    @TempDir
    Path dir;

    static byte[] mqtt(MqttMessage m) {
        return GatewayFixture.bytes(m);
    }

    static byte[] connect(String id) {
        return mqtt(MqttMessageBuilders.connect().clientId(id).username("dev-a").password("secret-a".getBytes())
                .protocolVersion(MqttVersion.MQTT_3_1_1).keepAlive(30).build());
    }

    static byte[] publish(byte[] payload) {
        return mqtt(MqttMessageBuilders.publish().topicName("parkwatch/ent-a/A1").qos(MqttQoS.AT_MOST_ONCE)
                .payload(Unpooled.wrappedBuffer(payload)).build());
    }

    /** Opens a connection, sends, waits for the gateway's first answer (or its closing), then leaves. */
    static void hit(int port, byte[]... chunks) {
        send(port, true, chunks);
    }

    /** Sends and hangs up at once (the gateway sees input cut off). */
    static void hitAndRun(int port, byte[]... chunks) {
        send(port, false, chunks);
    }

    private static void send(int port, boolean waitForAnswer, byte[]... chunks) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            for (byte[] c : chunks) {
                out.write(c);
            }
            out.flush();
            if (waitForAnswer) {
                InputStream in = s.getInputStream();
                in.read(); // an answer, or the gateway closing: either way it dealt with it
            }
        } catch (Exception e) {
            // the gateway may reset a hostile connection; that is fine
        }
    }

    @Test
    void hostileInputIsRefusedAndCountedWhileGoodDevicesCarryOn() throws Exception {
        GatewayConfig config = new GatewayConfig("127.0.0.1", 0, 4096, Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofSeconds(60)).withLimits(1000, 100_000)
                .withHj212(new Hj212Endpoint.Settings("127.0.0.1", 0, 1024, Duration.ofSeconds(1),
                        ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(1), 1000));
        try (GatewayFixture fx = new GatewayFixture(dir, config, LOGGERS);
                TopicRecorder rejected = new TopicRecorder(fx.bootstrap(), Topics.READINGS_REJECTED)) {
            int mqttPort = fx.gateway.mqttPort();
            int hjPort = fx.gateway.hj212Port();

            // well-behaved devices, working the whole time
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger goodMqtt = new AtomicInteger();
            AtomicInteger goodHj = new AtomicInteger();
            List<Throwable> goodFailures = new CopyOnWriteArrayList<>();
            MqttAsyncClient device = fx.v5("dev-a", "secret-a");
            Thread good = new Thread(() -> {
                try (Socket logger = new Socket("127.0.0.1", hjPort)) {
                    logger.setSoTimeout(10_000);
                    for (int i = 0; !stop.get(); i++) {
                        device.publish("parkwatch/ent-a/A2", ("{\"ts\":" + System.currentTimeMillis() + ",\"v\":" + i + "}")
                                .getBytes(), 1, false).waitForCompletion(10_000);
                        goodMqtt.incrementAndGet();
                        String time = java.time.LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusSeconds(1)
                                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
                        logger.getOutputStream().write(Hj212Frames.frame("QN=" + i + ";ST=22;CN=2011;PW=123456;"
                                + "MN=MN-B-01;Flag=5;CP=&&DataTime=" + time + ";a21028-Rtd=" + i + ",a21028-Flag=N&&"));
                        byte[] answer = new byte[64];
                        if (logger.getInputStream().read(answer) <= 0) {
                            throw new IllegalStateException("the HJ 212 logger lost its connection");
                        }
                        goodHj.incrementAndGet();
                    }
                } catch (Throwable e) {
                    goodFailures.add(e);
                }
            }, "good-devices");
            good.start();

            Random random = new Random(42);
            int malformedJson = 0;
            int oversized = 0;
            int badUtf8 = 0;
            int badCrc = 0;
            List<Thread> slow = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                // MQTT: bad payloads on an authenticated connection
                hit(mqttPort, connect("fuzz-" + round), publish("{\"ts\": 1, \"v\": ".getBytes()),
                        publish("[1,2".getBytes()), publish(new byte[5000]), publish(new byte[] {(byte) 0xC3, 0x28}));
                malformedJson += 3; // two bad JSON, one invalid UTF-8 counted as not JSON
                badUtf8++;
                oversized++;
                // MQTT: random bytes, a truncated packet
                byte[] junk = new byte[1 + random.nextInt(3000)];
                random.nextBytes(junk);
                hitAndRun(mqttPort, junk);
                byte[] cut = connect("cut-" + round);
                hitAndRun(mqttPort, java.util.Arrays.copyOf(cut, cut.length / 2));
                // HJ 212: random bytes, a bad CRC, a truncated frame
                random.nextBytes(junk);
                hitAndRun(hjPort, junk);
                byte[] frame = Hj212Frames.frame("QN=1;ST=22;CN=2011;PW=123456;MN=MN-B-01;Flag=4;CP=&&DataTime="
                        + "20260801085800;a21028-Rtd=1&&");
                byte[] wrong = frame.clone();
                wrong[wrong.length - 3] ^= 1;
                hitAndRun(hjPort, wrong, java.util.Arrays.copyOf(frame, 30));
                badCrc++;
            }
            // slow frames: a byte every 300 ms never completes; the idle limit (1 s here) is not reset by
            // a trickle on MQTT (no CONNECT) and closes HJ 212 connections that stall
            for (int port : new int[] {mqttPort, hjPort}) {
                Thread t = new Thread(() -> {
                    try (Socket s = new Socket("127.0.0.1", port)) {
                        byte[] partial = port == mqttPort ? connect("slow") : frame(8);
                        for (byte b : java.util.Arrays.copyOf(partial, 5)) {
                            s.getOutputStream().write(b);
                            s.getOutputStream().flush();
                            await().pollDelay(Duration.ofMillis(300)).until(() -> true);
                        }
                        s.setSoTimeout(10_000);
                        s.getInputStream().read();
                    } catch (Exception e) {
                        // closed by the gateway
                    }
                }, "slow-" + port);
                t.start();
                slow.add(t);
            }
            for (Thread t : slow) {
                t.join(20_000);
                assertThat(t.isAlive()).as("slow connection closed by the gateway").isFalse();
            }
            stop.set(true);
            good.join(20_000);
            assertThat(goodFailures).isEmpty();
            assertThat(goodMqtt.get()).isPositive();
            assertThat(goodHj.get()).isPositive();
            System.out.printf("meanwhile a good MQTT device stored %d readings and a good HJ 212 logger %d%n",
                    goodMqtt.get(), goodHj.get());

            var m = fx.gateway.metrics();
            int mj = malformedJson;
            int ov = oversized;
            int bc = badCrc;
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(m.rejected("mqtt", "MALFORMED_JSON")).isEqualTo(mj);
                assertThat(m.rejected("mqtt", "PAYLOAD_TOO_LARGE")).isEqualTo(ov);
                assertThat(m.rejected("hj212", "BAD_CRC")).isEqualTo(bc);
                assertThat(m.rejected("hj212", "MALFORMED_FRAME")).isGreaterThanOrEqualTo(40); // junk + truncated
            });
            assertThat(m.closedCount("mqtt", "protocol-error") + m.closedCount("mqtt", "idle")).isGreaterThan(0);
            // every refusal counted is also kept on the rejected topic, and nothing else is there
            double counted = 0;
            for (String reason : new String[] {"MALFORMED_JSON", "PAYLOAD_TOO_LARGE", "BAD_CRC", "MALFORMED_FRAME",
                    "INCOMPLETE_PACKET"}) {
                counted += m.rejected("mqtt", reason) + m.rejected("hj212", reason);
            }
            double total = counted;
            await().atMost(Duration.ofSeconds(20)).until(() -> rejected.drain(Duration.ofSeconds(20)).size() == (int) total);
            assertThat(badUtf8).isEqualTo(20);
            device.disconnect().waitForCompletion(5000);
        }
    }

    static byte[] frame(int n) {
        return ("##0101QN=20160801085857223;ST=32;CN=1062").getBytes(StandardCharsets.US_ASCII);
    }
}
