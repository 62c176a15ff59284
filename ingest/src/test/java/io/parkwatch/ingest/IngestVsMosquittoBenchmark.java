package io.parkwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.ingest.mqtt.GatewayFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QoS 1 ingest of the gateway (PUBACK only after Kafka acks=all) against Mosquitto's QoS 1
 * publish-to-subscriber throughput, with the same Paho publisher and the same 100-byte payloads, in
 * one run. Prints min / median / max readings per second of three runs each and the ratio; asserts
 * nothing about speed. Run: bench/gateway-vs-mosquitto.sh
 */
@Tag("benchmark")
class IngestVsMosquittoBenchmark {

    static final int MESSAGES = 100_000;
    static final int IN_FLIGHT = 1000;

    @TempDir
    Path dir;

    @Test
    void gatewayAgainstMosquitto() throws Exception {
        double[] gateway = new double[3];
        try (GatewayFixture fx = new GatewayFixture(dir, GatewayConfig.defaults().withLimits(100, 100_000_000))) {
            for (int run = 0; run < 3; run++) {
                gateway[run] = publish(fx.uri(), "dev-a", "secret-a", "parkwatch/ent-a/A1", null);
                System.out.printf("gateway   run %d: %,.0f readings/s%n", run + 1, gateway[run]);
            }
        }
        double[] mosquitto = new double[3];
        Path bin = Path.of("/usr/sbin/mosquitto");
        if (Files.isExecutable(bin)) {
            int port = EmbeddedKafka.freePort();
            // unlimited queue for the subscriber (the default of 1000 drops QoS 1 messages under a fast publisher)
            Path conf = Files.writeString(dir.resolve("mosquitto.conf"), "listener " + port + " 127.0.0.1\n"
                    + "allow_anonymous true\nmax_queued_messages 0\nmax_inflight_messages 1000\npersistence false\n");
            Process broker = new ProcessBuilder(bin.toString(), "-c", conf.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
            try {
                String url = "tcp://127.0.0.1:" + port;
                await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                    new java.net.Socket("127.0.0.1", port).close();
                    return true;
                });
                for (int run = 0; run < 3; run++) {
                    mosquitto[run] = publish(url, null, null, "bench/readings", url);
                    System.out.printf("mosquitto run %d: %,.0f messages/s publish-to-subscriber%n", run + 1,
                            mosquitto[run]);
                }
            } finally {
                broker.destroy();
            }
        }
        Arrays.sort(gateway);
        Arrays.sort(mosquitto);
        System.out.printf("machine: %d cores, %d MB max heap, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1_048_576, System.getProperty("java.version"));
        System.out.printf("QoS 1, one Paho publisher, %d x 100-byte payloads, %d in flight:%n", MESSAGES, IN_FLIGHT);
        System.out.printf("  ParkWatch gateway (PUBACK after Kafka acks=all): min %,.0f / median %,.0f / max %,.0f per s%n",
                gateway[0], gateway[1], gateway[2]);
        System.out.printf("  Mosquitto (publish to subscriber):               min %,.0f / median %,.0f / max %,.0f per s%n",
                mosquitto[0], mosquitto[1], mosquitto[2]);
        System.out.printf("  ratio of medians ParkWatch / Mosquitto: %.2f%n", gateway[1] / mosquitto[1]);
    }

    /** Publishes MESSAGES at QoS 1; with a subscriber URL, the rate is until the subscriber has them all. */
    static double publish(String url, String user, String password, String topic, String subscribeAt) throws Exception {
        AtomicLong received = new AtomicLong();
        MqttAsyncClient sub = null;
        if (subscribeAt != null) {
            sub = new MqttAsyncClient(subscribeAt, "bench-sub-" + System.nanoTime(), new MemoryPersistence());
            MqttConnectOptions so = new MqttConnectOptions();
            so.setMaxInflight(IN_FLIGHT);
            sub.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String t, MqttMessage m) {
                    received.incrementAndGet();
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            sub.connect(so).waitForCompletion(10_000);
            sub.subscribe(topic, 1).waitForCompletion(10_000);
        }
        MqttAsyncClient c = new MqttAsyncClient(url, "bench-pub-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.toCharArray());
        }
        o.setMaxInflight(IN_FLIGHT);
        c.connect(o).waitForCompletion(10_000);
        Semaphore window = new Semaphore(IN_FLIGHT);
        AtomicLong acked = new AtomicLong();
        IMqttActionListener done = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken t) {
                acked.incrementAndGet();
                window.release();
            }

            @Override
            public void onFailure(IMqttToken t, Throwable e) {
                window.release();
            }
        };
        long base = System.currentTimeMillis() - 3_600_000;
        long start = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            window.acquire();
            // ~100 bytes, like a real reading
            String payload = "{\"ts\":" + (base + i) + ",\"v\":" + (20 + (i % 1000) / 100.0)
                    + ",\"q\":\"N\",\"seq\":" + i + ",\"pad\":\"xxxxxxxxxxxxxxxxxxxx\"}";
            c.publish(topic, payload.getBytes(), 1, false, null, done);
        }
        AtomicLong target = subscribeAt != null ? received : acked;
        await().atMost(Duration.ofMinutes(5)).until(() -> target.get() >= MESSAGES && acked.get() == MESSAGES);
        double seconds = (System.nanoTime() - start) / 1e9;
        c.disconnect().waitForCompletion(10_000);
        c.close();
        if (sub != null) {
            sub.disconnect().waitForCompletion(10_000);
            sub.close();
        }
        assertThat(acked.get()).isEqualTo(MESSAGES);
        return MESSAGES / seconds;
    }
}
