package io.parkwatch.console.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.parkwatch.console.LocalMosquitto;
import io.parkwatch.console.quality.DataQualityStore;
import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.platform.kafka.TopicSpec;
import io.parkwatch.rules.risk.RiskColour;
import io.parkwatch.rules.risk.RiskLevel;
import io.parkwatch.rules.risk.RiskWarning;
import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed pushed to a platform that refuses twice (HTTP 503) and to a real Mosquitto: every message arrives, valid
 * against the schema, the refused one as soon as the platform takes it; a pusher started again sends only what came
 * after (its progress is committed), and the MQTT subscriber gets each type on its own topic.
 */
class FeedPushIT {

    static final long T0 = 1_796_086_800_000L;

    @TempDir
    Path dir;

    @Test
    void aPlatformThatRefusesLosesNothingAndARestartRepeatsNothing() throws Exception {
        LocalMosquitto mosquitto = LocalMosquitto.start(dir);
        String url = mosquitto.url();
        List<JsonNode> http = new CopyOnWriteArrayList<>();
        AtomicInteger refusals = new AtomicInteger(2);
        String held = "risk-ent-a-3"; // the platform takes this one only once the pusher is closing
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/feed", x -> {
            byte[] body = x.getRequestBody().readAllBytes();
            if (refusals.getAndDecrement() > 0) {
                x.sendResponseHeaders(503, -1);
            } else {
                JsonNode m = WireJson.MAPPER.readTree(body);
                if (m.path("id").asText().equals(held)) {
                    arrived.countDown();
                    await().atMost(Duration.ofSeconds(30)).until(() -> release.getCount() == 0);
                }
                http.add(m);
                x.sendResponseHeaders(202, -1);
            }
            x.close();
        });
        platform.start();
        String push = "http://127.0.0.1:" + platform.getAddress().getPort() + "/feed";
        FeedMessages messages = new FeedMessages("测试园区", ZoneId.of("Asia/Shanghai"), Catalogue.chinese());
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
            kafka.createTopics(Topics.ALL.stream().map(t -> new TopicSpec(t, Topics.partitions(t, 2),
                    Topics.isCompacted(t))).toList());
            MqttClient subscriber = new MqttClient(url, "province", new MemoryPersistence());
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                subscriber.connect();
                return subscriber.isConnected();
            });
            List<String> mqtt = new CopyOnWriteArrayList<>();
            subscriber.setCallback(new io.parkwatch.console.notify.MosquittoDeliveryIT.Received(mqtt));
            subscriber.subscribe("province/parkwatch/risk-warning", 1);

            produce(kafka, Topics.RISK, "ent-a", new RiskLevel("ent-a", RiskColour.YELLOW, 38, List.of(), T0));
            produce(kafka, Topics.RISK_WARNINGS, "ent-a", warning(1, RiskColour.BLUE, RiskColour.YELLOW));
            try (FeedPusher pusher = pusher(kafka, push, url, messages)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> http.size() == 2 && mqtt.size() == 1);
            }
            assertThat(http).extracting(m -> m.path("id").asText()).containsExactlyInAnyOrder(
                    "risk-level:ent-a:" + T0, "risk-ent-a-1");
            assertThat(http).allSatisfy(m -> assertThat(FeedSchema.problems(m)).isEmpty());
            assertThat(FeedSchema.problems(WireJson.MAPPER.readTree(mqtt.get(0)))).isEmpty();

            // a new warning while no pusher runs; the next one sends it, and only it
            produce(kafka, Topics.RISK_WARNINGS, "ent-a", warning(2, RiskColour.YELLOW, RiskColour.ORANGE));
            try (FeedPusher pusher = pusher(kafka, push, url, messages)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> http.size() == 3 && mqtt.size() == 2);
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> http.size() == 3);
            }
            assertThat(http.get(2).path("id").asText()).isEqualTo("risk-ent-a-2");
            assertThat(mqtt.get(1)).contains("\"colour\":\"orange\"");

            // closed while the platform takes a message: the message is finished, recorded, and not sent again
            produce(kafka, Topics.RISK_WARNINGS, "ent-a", warning(3, RiskColour.ORANGE, RiskColour.RED));
            FeedPusher closing = pusher(kafka, push, url, messages);
            assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> closed = CompletableFuture.runAsync(() -> {
                try {
                    closing.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(closing::isClosing);
            release.countDown();
            closed.get(30, TimeUnit.SECONDS);
            assertThat(http).hasSize(4);
            await().atMost(Duration.ofSeconds(10)).until(() -> mqtt.size() == 3);
            try (FeedPusher pusher = pusher(kafka, push, url, messages)) {
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> http.size() == 4);
            }
            assertThat(http.get(3).path("id").asText()).isEqualTo("risk-ent-a-3");
            subscriber.disconnect();
            subscriber.close();
        } finally {
            platform.stop(0);
            mosquitto.close();
        }
    }

    static FeedPusher pusher(EmbeddedKafka kafka, String push, String mqtt, FeedMessages messages) throws Exception {
        return new FeedPusher(kafka.bootstrapServers(), List.of(new HttpFeedTarget(push, null, Duration.ofSeconds(5)),
                new MqttFeedTarget(mqtt, "province/parkwatch", null, null)), () -> messages,
                () -> ZoneId.of("Asia/Shanghai"), new DataQualityStore(1000), Duration.ofHours(1));
    }

    static RiskWarning warning(int seq, RiskColour from, RiskColour to) {
        return new RiskWarning("risk-ent-a-" + seq, seq, from, new RiskLevel("ent-a", to, 30 * seq + 8, List.of(),
                T0 + seq), Message.of("risk.warning.rise", "甲", from.term(), to.term(), 38, "x"), List.of());
    }

    static void produce(EmbeddedKafka kafka, String topic, String key, Object value) throws Exception {
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(topic, key, WireJson.write(value))).get(10, TimeUnit.SECONDS);
        }
    }
}
