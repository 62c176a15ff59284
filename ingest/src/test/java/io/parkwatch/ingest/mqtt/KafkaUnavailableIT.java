package io.parkwatch.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.ingest.GatewayConfig;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the broker stopped, a QoS 1 PUBLISH must not be acknowledged; once Kafka is back, it must be. */
class KafkaUnavailableIT {

    @TempDir
    Path dir;

    @Test
    void noPubackWhileKafkaIsDownAndTheReadingIsStoredOnceItIsBack() throws Exception {
        try (GatewayFixture fx = new GatewayFixture(dir, GatewayConfig.defaults())) {
            MqttAsyncClient c = fx.v5("dev-a", "secret-a");
            long t0 = System.currentTimeMillis() - 10_000;
            c.publish("parkwatch/ent-a/A1", ("{\"ts\":" + t0 + ",\"v\":1}").getBytes(), 1, false).waitForCompletion(10_000);

            fx.kafka.stop();
            IMqttToken pending = c.publish("parkwatch/ent-a/A1", ("{\"ts\":" + (t0 + 1) + ",\"v\":2}").getBytes(), 1, false);
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).until(() -> !pending.isComplete());
            assertThat(c.isConnected()).isTrue();

            fx.kafka.start();
            await().atMost(Duration.ofSeconds(60)).until(pending::isComplete);
            assertThat(pending.getReasonCodes()).containsExactly(0);
            try (TopicRecorder readings = new TopicRecorder(fx.kafka.bootstrapServers(), Topics.READINGS)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> readings.records().stream()
                        .map(r -> ReadingJson.read(r.value()).timestamp()).filter(ts -> ts == t0 || ts == t0 + 1)
                        .count() == 2);
            }
            c.disconnect().waitForCompletion(5000);
        }
    }
}
