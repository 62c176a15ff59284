package io.parkwatch.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.parkwatch.ingest.GatewayConfig;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.RejectReason;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.RejectedReading;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttGatewayIT {

    @TempDir
    static Path dir;
    static GatewayFixture fx;
    static TopicRecorder readings;
    static TopicRecorder rejected;

    @BeforeAll
    static void start() throws Exception {
        GatewayConfig small = new GatewayConfig("127.0.0.1", 0, 2048, Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(120));
        fx = new GatewayFixture(dir, small);
        readings = new TopicRecorder(fx.kafka.bootstrapServers(), Topics.READINGS);
        rejected = new TopicRecorder(fx.kafka.bootstrapServers(), Topics.READINGS_REJECTED);
    }

    @AfterAll
    static void stop() {
        readings.close();
        rejected.close();
        fx.close();
    }

    static long now() {
        return System.currentTimeMillis();
    }

    static List<Reading> readingsOf(String point) {
        return readings.records().stream().filter(r -> r.key().equals(point))
                .map(r -> ReadingJson.read(r.value())).toList();
    }

    @Test
    void qos1ReadingIsInKafkaWhenThePubackArrives() throws Exception {
        MqttAsyncClient c = fx.v5("dev-a", "secret-a");
        long ts = now() - 500;
        IMqttToken t = c.publish("parkwatch/ent-a/A2", ("{\"ts\":" + ts + ",\"v\":21.5,\"q\":\"N\"}").getBytes(), 1, false);
        t.waitForCompletion(10_000);
        assertThat(t.getReasonCodes()).containsExactly(0);
        // The PUBACK came after Kafka's ack, so the record is already readable.
        try (TopicRecorder fresh = new TopicRecorder(fx.kafka.bootstrapServers(), Topics.READINGS)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> fresh.records().stream()
                    .anyMatch(r -> r.key().equals("A2") && ReadingJson.read(r.value()).timestamp() == ts));
        }
        Reading r = readingsOf("A2").stream().filter(x -> x.timestamp() == ts).findFirst().orElseThrow();
        assertThat(r.value()).isEqualTo(21.5);
        assertThat(r.enterpriseId()).isEqualTo("ent-a");
        assertThat(r.quality()).isEqualTo(Quality.N);
        c.disconnect().waitForCompletion(5000);
    }

    @Test
    void qos0ReadingIsStoredToo() throws Exception {
        var c = fx.v3("dev-a", "secret-a");
        long ts = now() - 250;
        c.publish("parkwatch/ent-a/A1", ("{\"ts\":" + ts + ",\"v\":4.5}").getBytes(), 0, false);
        await().atMost(Duration.ofSeconds(10)).until(() -> readingsOf("A1").stream()
                .anyMatch(r -> r.timestamp() == ts && r.value() == 4.5));
        c.disconnect().waitForCompletion(5000);
    }

    @Test
    void batchTopicTakesManyReadingsInOnePublish() throws Exception {
        var c = fx.v3("dev-a", "secret-a");
        long ts = now() - 1000;
        String batch = "[{\"point\":\"A1\",\"ts\":" + ts + ",\"v\":3.5},{\"point\":\"A2\",\"ts\":" + ts
                + ",\"v\":19,\"q\":\"C\"}]";
        c.publish("parkwatch/ent-a/batch", batch.getBytes(), 1, false).waitForCompletion(10_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> readingsOf("A1").stream().anyMatch(r -> r.timestamp() == ts)
                && readingsOf("A2").stream().anyMatch(r -> r.timestamp() == ts && r.quality() == Quality.C));
        c.disconnect().waitForCompletion(5000);
    }

    @Test
    void wrongPasswordIsRefusedWithTheProperConnackCode() {
        assertThatThrownBy(() -> fx.v3("dev-a", "wrong"))
                .isInstanceOf(MqttSecurityException.class)
                .extracting(e -> ((MqttSecurityException) e).getReasonCode()).isEqualTo(4); // 3.1.1: bad user name or password
        assertThatThrownBy(() -> fx.v5("dev-a", "wrong"))
                .isInstanceOf(MqttException.class)
                .extracting(e -> ((MqttException) e).getReasonCode()).isEqualTo(0x86); // 5: Bad User Name or Password
        assertThatThrownBy(() -> fx.v5("nobody", "secret-a"))
                .extracting(e -> ((MqttException) e).getReasonCode()).isEqualTo(0x86);
    }

    @Test
    void everyRejectionReasonLandsInTheRejectedTopicWhileOtherClientsAreServed() throws Exception {
        var bad = fx.v3("dev-a", "secret-a");
        MqttAsyncClient good = fx.v5("dev-b", "secret-b");
        long ts = now() - 1000;
        Map<String, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put("UNKNOWN_POINT", new String[] {"parkwatch/ent-a/NOPE", "{\"ts\":" + ts + ",\"v\":1}"});
        cases.put("POINT_NOT_OF_ENTERPRISE_OR_FORBIDDEN", new String[] {"parkwatch/ent-b/B1", "{\"ts\":" + ts + ",\"v\":1}"});
        cases.put("MISSING_VALUE", new String[] {"parkwatch/ent-a/A1", "{\"ts\":" + ts + "}"});
        cases.put("NON_NUMERIC_VALUE", new String[] {"parkwatch/ent-a/A1", "{\"ts\":" + ts + ",\"v\":\"high\"}"});
        cases.put("FUTURE_TIMESTAMP", new String[] {"parkwatch/ent-a/A1", "{\"ts\":" + (ts + 3_600_000) + ",\"v\":1}"});
        cases.put("PAYLOAD_TOO_LARGE", new String[] {"parkwatch/ent-a/A1", "{\"ts\":" + ts + ",\"v\":1,\"x\":\"" + "y".repeat(3000) + "\"}"});
        cases.put("MALFORMED_JSON", new String[] {"parkwatch/ent-a/A1", "{\"ts\":" + ts + ",\"v\":1"});
        cases.put("MISSING_TIMESTAMP", new String[] {"parkwatch/ent-a/A1", "{\"v\":1}"});
        cases.put("BAD_TIMESTAMP", new String[] {"parkwatch/ent-a/A1", "{\"ts\":\"soon\",\"v\":1}"});
        cases.put("BAD_QUALITY_FLAG", new String[] {"parkwatch/ent-a/A1", "{\"ts\":" + ts + ",\"v\":1,\"q\":\"?\"}"});
        cases.put("BAD_TOPIC", new String[] {"factory/ent-a/A1", "{\"ts\":" + ts + ",\"v\":1}"});

        AtomicBoolean goodFailed = new AtomicBoolean();
        int goodCount = 0;
        for (String[] c : cases.values()) {
            bad.publish(c[0], c[1].getBytes(StandardCharsets.UTF_8), 1, false).waitForCompletion(10_000);
            // another device keeps being served between the bad messages
            IMqttToken t = good.publish("parkwatch/ent-b/B1", ("{\"ts\":" + (ts + goodCount++) + ",\"v\":2}").getBytes(), 1, false);
            t.waitForCompletion(10_000);
            goodFailed.compareAndSet(false, t.getReasonCodes()[0] != 0);
        }
        assertThat(bad.isConnected()).isTrue();
        assertThat(goodFailed).isFalse();

        String me = bad.getClientId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<RejectedReading> mine = rejected.records().stream().map(r -> WireJson.read(r.value(), RejectedReading.class))
                    .filter(r -> me.equals(r.clientId())).toList();
            assertThat(mine).extracting(RejectedReading::reason).containsExactly(RejectReason.UNKNOWN_POINT,
                    RejectReason.FORBIDDEN_ENTERPRISE, RejectReason.MISSING_VALUE, RejectReason.NON_NUMERIC_VALUE,
                    RejectReason.FUTURE_TIMESTAMP, RejectReason.PAYLOAD_TOO_LARGE, RejectReason.MALFORMED_JSON,
                    RejectReason.MISSING_TIMESTAMP, RejectReason.BAD_TIMESTAMP, RejectReason.BAD_QUALITY_FLAG,
                    RejectReason.BAD_TOPIC);
            assertThat(mine).allSatisfy(r -> {
                assertThat(r.source()).isEqualTo("mqtt");
                assertThat(r.username()).isEqualTo("dev-a");
                assertThat(r.raw()).isNotEmpty();
                assertThat(r.detail()).isNotBlank();
            });
            assertThat(mine.get(1).detail()).contains("may publish only for enterprise 'ent-a'");
        });
        final int sent = goodCount;
        await().atMost(Duration.ofSeconds(10)).until(() -> readingsOf("B1").stream()
                .filter(r -> r.timestamp() >= ts && r.timestamp() < ts + sent).count() == sent);
        bad.disconnect().waitForCompletion(5000);
        good.disconnect().waitForCompletion(5000);
    }

    @Test
    void pointOfAnotherEnterpriseUnderTheDevicesOwnTopicIsRefused() throws Exception {
        MqttAsyncClient c = fx.v5("dev-a", "secret-a");
        IMqttToken t = c.publish("parkwatch/ent-a/B1", ("{\"ts\":" + now() + ",\"v\":1}").getBytes(), 1, false);
        t.waitForCompletion(10_000);
        assertThat(t.getReasonCodes()).containsExactly(0x87); // v5 PUBACK tells the device: not authorized
        await().atMost(Duration.ofSeconds(10)).until(() -> rejected.records().stream()
                .map(r -> WireJson.read(r.value(), RejectedReading.class))
                .anyMatch(r -> c.getClientId().equals(r.clientId()) && r.reason() == RejectReason.POINT_NOT_OF_ENTERPRISE));
        c.disconnect().waitForCompletion(5000);
    }

    @Test
    void malformedPayloadGetsPayloadFormatInvalidInTheV5Puback() throws Exception {
        MqttAsyncClient c = fx.v5("dev-a", "secret-a");
        IMqttToken t = c.publish("parkwatch/ent-a/A1", "not json".getBytes(), 1, false);
        t.waitForCompletion(10_000);
        assertThat(t.getReasonCodes()).containsExactly(0x99);
        c.disconnect().waitForCompletion(5000);
    }

    @Test
    void subscribeIsRefusedBecauseTheGatewayIsIngestOnly() throws Exception {
        MqttAsyncClient c5 = fx.v5("dev-a", "secret-a");
        // (a wildcard filter is refused by Paho itself: the v5 CONNACK said wildcards are unavailable)
        IMqttToken t = c5.subscribe("parkwatch/ent-a/A1", 1);
        try {
            t.waitForCompletion(10_000);
        } catch (MqttException expected) {
            // Paho may raise on a failure reason code; the codes are checked below either way
        }
        assertThat(t.getReasonCodes()).containsExactly(0x87);
        c5.disconnect().waitForCompletion(5000);

        var c3 = fx.v3("dev-a", "secret-a");
        var t3 = c3.subscribe("parkwatch/#", 1);
        try {
            t3.waitForCompletion(10_000);
        } catch (org.eclipse.paho.client.mqttv3.MqttException expected) {
            // likewise
        }
        assertThat(t3.getGrantedQos()).containsExactly(0x80);
        assertThat(c3.isConnected()).isTrue();
        c3.disconnect().waitForCompletion(5000);
    }

    @Test
    void qos2IsRefusedAndNothingIsStored() throws Exception {
        var c3 = fx.v3("dev-a", "secret-a");
        long ts = now() - 7;
        try {
            c3.publish("parkwatch/ent-a/A1", ("{\"ts\":" + ts + ",\"v\":1}").getBytes(), 2, false).waitForCompletion(5000);
        } catch (org.eclipse.paho.client.mqttv3.MqttException expected) {
            // connection closed by the gateway
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !c3.isConnected());
        assertThat(readingsOf("A1")).noneMatch(r -> r.timestamp() == ts);
        c3.close(true);
    }
}
