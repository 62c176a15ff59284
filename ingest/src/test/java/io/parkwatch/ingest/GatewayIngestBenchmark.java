package io.parkwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.ingest.mqtt.GatewayFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QoS 1 ingest rate of the gateway from one Paho publisher: every PUBACK means Kafka (acks=all) holds
 * the reading. Prints readings per second over three runs (min / median / max); asserts nothing about
 * speed. Run: {@code mvn -pl ingest test -Dgroups=benchmark -Dbenchmarks.excluded= -Dtest=GatewayIngestBenchmark}.
 */
@Tag("benchmark")
class GatewayIngestBenchmark {

    static final int MESSAGES = 100_000;
    static final int IN_FLIGHT = 1000;

    @TempDir
    Path dir;

    @Test
    void qos1ReadingsPerSecondFromOnePahoPublisher() throws Exception {
        try (GatewayFixture fx = new GatewayFixture(dir, GatewayConfig.defaults().withLimits(100, 10_000_000))) {
            double[] rates = new double[3];
            for (int run = 0; run < 3; run++) {
                rates[run] = run(fx.uri(), run);
                System.out.printf("run %d: %,.0f readings/s (QoS 1, PUBACK after Kafka acks=all)%n", run + 1, rates[run]);
            }
            java.util.Arrays.sort(rates);
            System.out.printf("QoS 1 ingest, one Paho publisher, %d cores: min %,.0f / median %,.0f / max %,.0f readings/s%n",
                    Runtime.getRuntime().availableProcessors(), rates[0], rates[1], rates[2]);
        }
    }

    static double run(String uri, int run) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(uri, "bench-" + run, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName("dev-a");
        o.setPassword("secret-a".toCharArray());
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
            c.publish("parkwatch/ent-a/A1", payload.getBytes(), 1, false, null, done);
        }
        await().atMost(Duration.ofMinutes(5)).until(() -> acked.get() == MESSAGES);
        double seconds = (System.nanoTime() - start) / 1e9;
        c.disconnect().waitForCompletion(10_000);
        c.close();
        assertThat(acked.get()).isEqualTo(MESSAGES);
        return MESSAGES / seconds;
    }
}
