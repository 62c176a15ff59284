package io.parkwatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkwatch.kafka.EmbeddedKafka;
import io.parkwatch.kafka.TopicSpec;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Alert alert(String id, String point, String enterprise, Level level, AlertEventType type, double v) {
        AlertEvent raised = new AlertEvent("e-" + id, id, 1, AlertEventType.RAISED, "combustible-gas", point, enterprise,
                PointKind.GAS_LEL, "%LEL", Direction.HIGH, level, null, v, 25, 1_700_000_000_000L, 0, 0, "T-1", "Z1",
                point + ": " + v + " %LEL", io.parkwatch.rules.model.AlertCategory.PROCESS, null, null, null);
        Alert a = Alert.raisedBy(raised);
        if (type == AlertEventType.RECOVERED) {
            a = a.apply(new AlertEvent("e2-" + id, id, 2, type, "combustible-gas", point, enterprise, PointKind.GAS_LEL,
                    "%LEL", Direction.HIGH, level, null, 3, 25, 1_700_000_060_000L, 0, 0, "T-1", "Z1", "back", io.parkwatch.rules.model.AlertCategory.PROCESS, null, null, null));
        }
        return a;
    }

    @Test
    void loadsTheBoardFromKafkaServesItOverHttpAndPushesNewAlertsOverWebSocket() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir, 0).start();
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                        new ByteArraySerializer())) {
            kafka.createTopics(new TopicSpec(Topics.ALERTS, 2, true));
            // Already on the topic before the console starts: an older and a newer state of one alert, and another.
            Alert a1 = alert("a1", "P1", "ent-a", Level.ALARM, AlertEventType.RAISED, 30);
            producer.send(new ProducerRecord<>(Topics.ALERTS, "a1", WireJson.write(a1)));
            producer.send(new ProducerRecord<>(Topics.ALERTS, "a1",
                    WireJson.write(alert("a1", "P1", "ent-a", Level.ALARM, AlertEventType.RECOVERED, 30))));
            producer.send(new ProducerRecord<>(Topics.ALERTS, "a2",
                    WireJson.write(alert("a2", "P2", "ent-b", Level.CRITICAL, AlertEventType.RAISED, 55)))).get(10, TimeUnit.SECONDS);

            try (Console console = Console.start(new ConsoleConfig("127.0.0.1", 0), kafka.bootstrapServers())) {
                assertThat(console.feed().awaitLoaded(Duration.ofSeconds(30))).isTrue();
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + console.port();

                JsonNode all = get(http, base + "/api/alerts");
                assertThat(all).hasSize(2);
                assertThat(all.get(0).get("id").asText()).isEqualTo("a2"); // active critical first
                assertThat(all.get(1).get("state").asText()).isEqualTo("RECOVERED"); // the newer state of a1 won
                JsonNode first = all.get(0);
                assertThat(first.get("point").asText()).isEqualTo("P2");
                assertThat(first.get("enterprise").asText()).isEqualTo("ent-b");
                assertThat(first.get("rule").asText()).isEqualTo("combustible-gas");
                assertThat(first.get("level").asText()).isEqualTo("CRITICAL");
                assertThat(first.get("raisedAt").asText()).isEqualTo("2023-11-14T22:13:20Z");
                assertThat(first.get("lastValue").asDouble()).isEqualTo(55.0);
                assertThat(get(http, base + "/api/alerts?enterprise=ent-a")).extracting(n -> n.get("id").asText())
                        .containsExactly("a1");
                assertThat(get(http, base + "/api/alerts?state=ACTIVE&level=CRITICAL")).hasSize(1);

                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("ParkWatch", "/app.js");
                assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/nope.html")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);

                BoardSocketClient board = new BoardSocketClient(http, console.port());
                List<JsonNode> messages = board.messages();
                await().atMost(Duration.ofSeconds(5)).until(() -> !messages.isEmpty());
                assertThat(messages.get(0).get("type").asText()).isEqualTo("snapshot");
                assertThat(messages.get(0).get("alerts")).hasSize(2);

                long sentAt = System.nanoTime();
                producer.send(new ProducerRecord<>(Topics.ALERTS, "a3",
                        WireJson.write(alert("a3", "P3", "ent-a", Level.ALARM, AlertEventType.RAISED, 27))));
                producer.flush();
                await().atMost(Duration.ofSeconds(5)).until(() -> messages.stream()
                        .anyMatch(m -> m.get("type").asText().equals("alert") && m.get("alert").get("id").asText().equals("a3")));
                System.out.printf("WebSocket update arrived %d ms after the alert was produced%n",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt));
                assertThat(get(http, base + "/api/alerts")).hasSize(3);
                board.close();
            }
        }
    }

    static JsonNode get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return JSON.readTree(r.body());
    }
}
