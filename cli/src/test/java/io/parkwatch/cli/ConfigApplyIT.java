package io.parkwatch.cli;

import io.parkwatch.platform.kafka.ConfigTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parkwatch points|rules apply} against a running system: refused files change nothing, good ones apply live. */
class ConfigApplyIT {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void aBadFileIsRefusedWithItsLineAndAGoodPointsFileReachesTheRunningGateway() throws Exception {
        Settings settings = Settings.load(ROOT.resolve("config/parkwatch.yaml"), Map.of())
                .with("kafka.data-dir", tmp.resolve("kafka")).with("kafka.port", 0)
                .with("gateway.bind", "127.0.0.1").with("gateway.mqtt-port", 0).with("gateway.hj212.port", 0).with("gateway.metrics-port", 0).with("console.metrics-port", 0)
                .with("console.bind", "127.0.0.1").with("console.http-port", 0)
                .with("job.checkpoint-dir", tmp.resolve("checkpoints"));
        try (ParkWatchStandalone park = ParkWatchStandalone.start(settings, ROOT)) {
            Settings cli = settings.with("kafka.embedded", "false").with("kafka.bootstrap-servers", park.kafkaBootstrap());
            assertThat(ConfigTopic.latest(park.kafkaBootstrap())).containsKeys(ConfigDocument.POINTS, ConfigDocument.RULES,
                    ConfigDocument.MAINTENANCE); // seeded from the files on first start

            // a rule that names a point that does not exist: refused, with its line; nothing published
            Path bad = tmp.resolve("rules-bad.yaml");
            Files.writeString(bad, "rules:\n  - id: x\n    type: threshold\n    match: { points: [NOPE] }\n    high: { alarm: 1 }\n");
            StringWriter err = new StringWriter();
            int code = ConfigFiles.apply(ConfigDocument.RULES, bad, ConfigFiles.bootstrap(cli), null, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).contains("rules-bad.yaml:4:14: rules[0].match.points: unknown point 'NOPE'");
            assertThat(ConfigTopic.latest(park.kafkaBootstrap()).get(ConfigDocument.RULES).source()).isEqualTo("config/rules.yaml");

            // a new gas detector: the gateway refuses its readings until the points file is applied
            try (MqttClientHolder device = new MqttClientHolder(park.mqttPort());
                    TopicRecorder readings = new TopicRecorder(park.kafkaBootstrap(), Topics.READINGS)) {
                String newPoint = "HX-T102-GT2";
                assertThat(device.publish("parkwatch/ent-huaxin/" + newPoint, System.currentTimeMillis()))
                        .isEqualTo(0x83); // v5 PUBACK: refused (UNKNOWN_POINT, in the rejected topic)

                Path points = tmp.resolve("points.yaml");
                Files.writeString(points, Files.readString(ROOT.resolve("config/points.yaml")) + "\n  - { id: " + newPoint
                        + ", enterprise: ent-huaxin, kind: gas_lel, unit: \"%LEL\", range: [0, 100], interval: 1s, tank: T-102, zone: HX-Z1 }\n");
                StringWriter out = new StringWriter();
                assertThat(ConfigFiles.apply(ConfigDocument.POINTS, points, ConfigFiles.bootstrap(cli), "T-102 gets a detector",
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter()))).isEqualTo(0);
                assertThat(out.toString()).contains("Applied", "18 points");

                long ts = System.currentTimeMillis();
                await().atMost(Duration.ofSeconds(20)).until(() -> device.publish("parkwatch/ent-huaxin/" + newPoint, ts) == 0);
                await().atMost(Duration.ofSeconds(10)).until(() -> readings.records().stream()
                        .anyMatch(r -> r.key().equals(newPoint) && ReadingJson.read(r.value()).timestamp() == ts));
            }
        }
    }

    /** A real MQTT 5 device of Huaxin. */
    static final class MqttClientHolder implements AutoCloseable {
        final MqttAsyncClient client;

        MqttClientHolder(int port) throws Exception {
            client = new MqttAsyncClient("tcp://127.0.0.1:" + port, "cfg-test", new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setUserName("huaxin-dl01");
            o.setPassword("huaxin-demo".getBytes());
            client.connect(o).waitForCompletion(10_000);
        }

        /** Publishes one reading at QoS 1 and returns the PUBACK reason code. */
        int publish(String topic, long ts) throws Exception {
            IMqttToken t = client.publish(topic, ("{\"ts\":" + ts + ",\"v\":1.5}").getBytes(), 1, false);
            t.waitForCompletion(10_000);
            return t.getReasonCodes()[0];
        }

        @Override
        public void close() throws Exception {
            client.disconnect().waitForCompletion(5000);
            client.close();
        }
    }
}
