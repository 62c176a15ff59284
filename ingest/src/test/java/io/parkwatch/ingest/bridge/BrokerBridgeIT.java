package io.parkwatch.ingest.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.ingest.Gateway;
import io.parkwatch.ingest.GatewayConfig;
import io.parkwatch.ingest.mqtt.GatewayFixture;
import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.platform.kafka.TopicSpec;
import io.parkwatch.rules.wire.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readings taken from a real Mosquitto the park already runs, through the same checks into Kafka. */
class BrokerBridgeIT {

    static final Pattern V = Pattern.compile("\"v\":(\\d+)\\.0");

    @TempDir
    Path dir;

    static GatewayConfig bridged(String url, String clientId) {
        return new GatewayConfig("127.0.0.1", 0, 65536, Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(120)).withBridge(new BrokerBridge.Settings(url, clientId, null, null, "parkwatch",
                "parkwatch/+/+"));
    }

    /** A field logger on the park's broker: MQTT 3.1.1, QoS 1, one message at a time. */
    static void publish(MqttClient device, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            byte[] payload = ("{\"ts\":" + (System.currentTimeMillis() - 100_000 + i) + ",\"v\":" + i + "}").getBytes();
            device.publish("parkwatch/ent-a/A1", payload, 1, false);
        }
    }

    static Set<Integer> values(List<String> records) {
        Set<Integer> out = new TreeSet<>();
        for (String r : records) {
            Matcher m = V.matcher(r);
            if (m.find()) {
                out.add(Integer.parseInt(m.group(1)));
            }
        }
        return out;
    }

    @Test
    void twoGatewaysShareTheBrokersReadingsAndNothingUnstoredIsAcknowledged() throws Exception {
        MosquittoBroker.requireInstalled();
        try (MosquittoBroker broker = new MosquittoBroker(EmbeddedKafka.freePort(), dir.resolve("mosquitto.log")).start();
                EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
            kafka.createTopics(Topics.ALL.stream().map(t -> new TopicSpec(t, 2, Topics.isCompacted(t))).toList());
            MqttClient device = new MqttClient(broker.url(), "field-logger", new MemoryPersistence());
            MqttConnectOptions deviceOptions = new MqttConnectOptions();
            deviceOptions.setMaxInflight(1000);
            device.setTimeToWait(10_000);
            device.connect(deviceOptions);
            try (TopicRecorder readings = new TopicRecorder(kafka.bootstrapServers(), Topics.READINGS);
                    TopicRecorder rejected = new TopicRecorder(kafka.bootstrapServers(), Topics.READINGS_REJECTED)) {
                Gateway one = Gateway.start(bridged(broker.url(), "gw-1"), GatewayFixture.POINTS, GatewayFixture.DEVICES,
                        kafka.bootstrapServers());
                Gateway two = Gateway.start(bridged(broker.url(), "gw-2"), GatewayFixture.POINTS, GatewayFixture.DEVICES,
                        kafka.bootstrapServers());

                // 1. shared subscription: each message reaches Kafka once, through one of the two gateways
                publish(device, 0, 200);
                device.publish("parkwatch/ent-a/A1", "not json".getBytes(), 1, false);
                await().atMost(Duration.ofSeconds(30)).until(() -> values(readings.drain(Duration.ofSeconds(10))).size() == 200);
                assertThat(readings.drain(Duration.ofSeconds(10))).hasSize(200);
                assertThat(one.metrics().accepted("bridge")).isPositive();
                assertThat(two.metrics().accepted("bridge")).isPositive();
                assertThat(one.metrics().accepted("bridge") + two.metrics().accepted("bridge")).isEqualTo(200);
                await().atMost(Duration.ofSeconds(10)).until(() -> rejected.drain(Duration.ofSeconds(10)).size() == 1);
                assertThat(rejected.drain(Duration.ofSeconds(10)).get(0)).contains("MALFORMED_JSON", "\"source\":\"bridge\"");

                // 2. Kafka down: messages reach the bridges but are not acknowledged; then both gateways go away
                kafka.stop();
                publish(device, 200, 250);
                await().atMost(Duration.ofSeconds(10)).until(() -> one.backpressure().inFlight()
                        + two.backpressure().inFlight() >= 50);
                // both shut down at once (each waits for its producer to give up on the unreachable Kafka)
                CompletableFuture.allOf(CompletableFuture.runAsync(one::close), CompletableFuture.runAsync(two::close))
                        .get(60, java.util.concurrent.TimeUnit.SECONDS);
                kafka.start();
                // new gateways with the same client ids get them again from their sessions at the broker
                Gateway again = Gateway.start(bridged(broker.url(), "gw-1"), GatewayFixture.POINTS,
                        GatewayFixture.DEVICES, kafka.bootstrapServers());
                Gateway againTwo = Gateway.start(bridged(broker.url(), "gw-2"), GatewayFixture.POINTS,
                        GatewayFixture.DEVICES, kafka.bootstrapServers());
                await().atMost(Duration.ofSeconds(60)).until(() -> values(readings.drain(Duration.ofSeconds(10)))
                        .containsAll(java.util.stream.IntStream.range(200, 250).boxed().toList()));
                againTwo.close();

                // 3. the broker restarts (this one keeps no sessions): the bridge reconnects by itself and
                // subscribes again; a probe published once both are back reaches Kafka
                broker.stop();
                broker.start();
                Set<Integer> probes = new TreeSet<>();
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                    if (!device.isConnected()) {
                        device.connect(deviceOptions);
                    }
                    int probe = 1000 + probes.size();
                    probes.add(probe);
                    publish(device, probe, probe + 1);
                    return values(readings.drain(Duration.ofSeconds(10))).stream().anyMatch(probes::contains);
                });
                again.close();
            }
            device.disconnect();
        }
    }

}
