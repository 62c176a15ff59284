package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.wire.Hj212Crc;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means evaluated or visibly refused: edge values sent through MQTT, HJ 212 and straight
 * onto the readings topic (a writer other than the gateway), each either refused with its reason (at the
 * gateway or by the job) or evaluated by the job (seen as the alert it raises). Nothing vanishes.
 */
class EdgeValuesEndToEndIT {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path tmp;

    static List<JsonNode> refusals(TopicRecorder rejected) {
        return rejected.values().stream().map(v -> {
            try {
                return JSON.readTree(v);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static boolean refused(TopicRecorder rejected, String source, String reason, String rawPart) {
        return refusals(rejected).stream().anyMatch(n -> n.path("source").asText().equals(source)
                && n.path("reason").asText().equals(reason) && n.path("raw").asText().contains(rawPart));
    }

    static boolean raised(TopicRecorder events, String point, String rule) {
        return events.records().stream().map(r -> WireJson.alertEvent(r.value())).anyMatch(e -> e.type()
                == AlertEventType.RAISED && point.equals(e.pointId()) && rule.equals(e.ruleId()));
    }

    @Test
    void everyEdgeValueIsEvaluatedOrRefusedWithItsReason() throws Exception {
        Settings settings = Settings.load(ROOT.resolve("config/parkwatch.yaml"), Map.of())
                .with("kafka.data-dir", tmp.resolve("kafka")).with("kafka.port", 0)
                .with("gateway.bind", "127.0.0.1").with("gateway.mqtt-port", 0).with("gateway.hj212.port", 0)
                .with("gateway.metrics-port", -1).with("console.bind", "127.0.0.1").with("console.http-port", 0)
                .with("console.metrics-port", -1).with("console.session-file", "")
                .with("job.checkpoint-dir", tmp.resolve("checkpoints")).with("job.idleness", "1s");
        try (ParkWatchStandalone park = ParkWatchStandalone.start(settings, ROOT);
                TopicRecorder rejected = new TopicRecorder(park.kafkaBootstrap(), Topics.READINGS_REJECTED);
                TopicRecorder events = new TopicRecorder(park.kafkaBootstrap(), Topics.ALERT_EVENTS)) {
            long now = System.currentTimeMillis();
            MqttAsyncClient mqtt = new MqttAsyncClient("tcp://127.0.0.1:" + park.mqttPort(), "edge-test",
                    new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setUserName("huaxin-dl01");
            o.setPassword("huaxin-demo".getBytes(StandardCharsets.UTF_8));
            mqtt.connect(o).waitForCompletion(10_000);

            // MQTT: refused at the door, each with its reason (and acknowledged as refused: MQTT 5 reason code)
            Map<String, String> refusedAtTheDoor = Map.of(
                    "{\"ts\":" + now + ",\"v\":1e400}", "NON_NUMERIC_VALUE",
                    "{\"ts\":0,\"v\":30}", "BAD_TIMESTAMP",
                    "{\"ts\":99999999999999999999,\"v\":30}", "BAD_TIMESTAMP",
                    "{\"ts\":" + (now + 3_600_000) + ",\"v\":30}", "FUTURE_TIMESTAMP");
            for (Map.Entry<String, String> e : refusedAtTheDoor.entrySet()) {
                IMqttToken t = mqtt.publish("parkwatch/ent-huaxin/HX-T101-GT1", e.getKey().getBytes(), 1, false);
                t.waitForCompletion(10_000);
                assertThat(t.getReasonCodes()[0]).as(e.getKey()).isGreaterThanOrEqualTo(0x80);
            }
            // MQTT: finite, however large: accepted, and the job evaluates it (outside the instrument's range)
            IMqttToken big = mqtt.publish("parkwatch/ent-huaxin/HX-T101-GT1",
                    ("{\"ts\":" + now + ",\"v\":1.7976931348623157e308}").getBytes(), 1, false);
            big.waitForCompletion(10_000);
            assertThat(big.getReasonCodes()).containsExactly(0);

            // HJ 212: the same classes through a data logger
            String late1999 = "19991231235959";
            String current = LocalDateTime.ofInstant(Instant.ofEpochMilli(now), CHINA)
                    .format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
            try (Socket logger = new Socket("127.0.0.1", park.gateway().hj212Port())) {
                logger.setSoTimeout(10_000);
                for (String cp : List.of("DataTime=" + current + ";G1012-Rtd=1e400",
                        "DataTime=" + late1999 + ";G1012-Rtd=30",
                        "DataTime=" + current + ";G1012-Rtd=150")) {
                    logger.getOutputStream().write(Hj212Crc.frame("QN=" + System.nanoTime()
                            + ";ST=22;CN=2011;PW=huaxin-212;MN=HX20260001A0000000000001;Flag=5;CP=&&" + cp + "&&"));
                    assertThat(answer(logger.getInputStream())).contains("CN=9014"); // stored (readings or refusals)
                }
            }

            // straight onto the readings topic: a record the job cannot read, and a point it does not know
            try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    park.kafkaBootstrap()), new StringSerializer(), new ByteArraySerializer())) {
                p.send(new ProducerRecord<>(Topics.READINGS, "HX-T101-GT1", "not a reading at all".getBytes()))
                        .get(10, TimeUnit.SECONDS);
                p.send(new ProducerRecord<>(Topics.READINGS, "NOPE-1", ("{\"point\":\"NOPE-1\",\"ent\":\"ent-huaxin\","
                        + "\"ts\":" + now + ",\"v\":1,\"q\":\"N\",\"recv\":" + now + "}").getBytes()))
                        .get(10, TimeUnit.SECONDS);
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(refused(rejected, "mqtt", "NON_NUMERIC_VALUE", "1e400")).as("mqtt NON_NUMERIC_VALUE").isTrue();
                assertThat(refused(rejected, "mqtt", "BAD_TIMESTAMP", "\"ts\":0")).as("mqtt BAD_TIMESTAMP").isTrue();
                assertThat(refused(rejected, "mqtt", "BAD_TIMESTAMP", "99999999999999999999")).as("mqtt BAD_TIMESTAMP").isTrue();
                assertThat(refused(rejected, "mqtt", "FUTURE_TIMESTAMP", String.valueOf(now + 3_600_000))).as("mqtt FUTURE_TIMESTAMP").isTrue();
                assertThat(refused(rejected, "hj212", "NON_NUMERIC_VALUE", "1e400")).as("hj212 NON_NUMERIC_VALUE").isTrue();
                assertThat(refused(rejected, "hj212", "BAD_TIMESTAMP", late1999)).as("hj212 BAD_TIMESTAMP").isTrue();
                assertThat(refused(rejected, "stream-job", "UNREADABLE", "not a reading at all")).as("stream-job UNREADABLE").isTrue();
                assertThat(refused(rejected, "stream-job", "UNKNOWN_POINT", "NOPE-1")).as("stream-job UNKNOWN_POINT").isTrue();
                assertThat(raised(events, "HX-T101-GT1", "instrument-quality")).as("raised HX-T101-GT1 instrument-quality").isTrue(); // the huge MQTT value
                assertThat(raised(events, "HX-T101-GT2", "instrument-quality")).as("raised HX-T101-GT2 instrument-quality").isTrue(); // HJ 212's 150 %LEL
            });

            // a reading older than the watermark allows, accepted at the gateway: refused LATE by the job
            String old = "{\"ts\":" + Instant.parse("2001-01-01T00:00:00Z").toEpochMilli() + ",\"v\":3}";
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                mqtt.publish("parkwatch/ent-huaxin/HX-T101-LT", old.getBytes(), 1, false).waitForCompletion(10_000);
                mqtt.publish("parkwatch/ent-huaxin/HX-T101-TT", ("{\"ts\":" + System.currentTimeMillis()
                        + ",\"v\":20}").getBytes(), 1, false).waitForCompletion(10_000); // keeps event time moving
                return refused(rejected, "stream-job", "LATE", "HX-T101-LT");
            });
            // and none of them was acknowledged and then lost: every refusal has its reason and raw input
            assertThat(refusals(rejected)).allSatisfy(n -> {
                assertThat(n.path("reason").asText()).isNotBlank();
                assertThat(n.path("raw").asText()).isNotBlank();
            });
            List<AlertEvent> all = events.records().stream().map(r -> WireJson.alertEvent(r.value())).toList();
            System.out.println("edge values: " + refusals(rejected).size() + " refusals, " + all.size() + " alert events");
            mqtt.disconnect().waitForCompletion(5000);
            mqtt.close();
        }
    }

    static String answer(InputStream in) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int prev = -1;
        for (int c; (c = in.read()) >= 0; prev = c) {
            b.write(c);
            if (prev == '\r' && c == '\n') {
                break;
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
