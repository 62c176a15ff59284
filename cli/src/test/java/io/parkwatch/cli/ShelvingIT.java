package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.parkwatch.console.ConsoleClient;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shelving (ISA-18.2 / IEC 62682) through the console API and the real job: a level-1 gas alarm shelved from the
 * console stops escalating and is not told to people's channels; at expiry it comes back unacknowledged and is
 * announced; unshelved by hand it returns acknowledged; a rise to level 2 unshelves it, and a level-2 gas alarm is
 * refused with the reason.
 */
class ShelvingIT {

    static final Path ROOT = StandaloneEndToEndIT.ROOT;
    static final String POINT = "HX-T101-GT1";

    @TempDir
    Path tmp;

    @Test
    void shelvingFromTheConsoleHoldsTheAlarmBackUntilItExpiresIsUnshelvedOrRises() throws Exception {
        // a DingTalk group (people) and a JSON feed (systems): each records the events it was given
        Set<String> toPeople = ConcurrentHashMap.newKeySet();
        Set<String> toSystems = ConcurrentHashMap.newKeySet();
        HttpServer hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hooks.createContext("/dingtalk", x -> {
            toPeople.add(x.getRequestHeaders().getFirst("Idempotency-Key"));
            x.getRequestBody().readAllBytes();
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes();
            x.sendResponseHeaders(200, ok.length);
            x.getResponseBody().write(ok);
            x.close();
        });
        hooks.createContext("/feed", x -> {
            toSystems.add(x.getRequestHeaders().getFirst("Idempotency-Key"));
            x.getRequestBody().readAllBytes();
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        hooks.start();
        Path contacts = tmp.resolve("contacts.yaml");
        Files.writeString(contacts, Files.readString(ROOT.resolve("config/contacts.yaml"))
                .replaceAll("(\\d+)m([ ,}\\n])", "$1s$2")); // every tier's minutes as seconds
        String hookBase = "http://127.0.0.1:" + hooks.getAddress().getPort();
        Settings settings = LocalPark.settings(tmp).with("files.contacts", contacts.toString())
                .withValue("notifier.webhooks", List.of(
                        Map.of("name", "group", "url", hookBase + "/dingtalk", "format", "dingtalk"),
                        Map.of("name", "feed", "url", hookBase + "/feed", "format", "json")));
        AtomicReference<Double> value = new AtomicReference<>(3.0);
        ScheduledExecutorService detector = Executors.newSingleThreadScheduledExecutor();
        try (ParkWatchStandalone park = ParkWatchStandalone.start(settings, ROOT);
                TopicRecorder events = new TopicRecorder(park.kafkaBootstrap(), Topics.ALERT_EVENTS);
                KafkaProducer<String, byte[]> readings = new KafkaProducer<>(Map.of("bootstrap.servers",
                        park.kafkaBootstrap()), new StringSerializer(), new ByteArraySerializer())) {
            // the detector reports every second, whatever its value is now
            detector.scheduleAtFixedRate(() -> {
                long now = System.currentTimeMillis();
                readings.send(new ProducerRecord<>(Topics.READINGS, POINT, ReadingJson.write(
                        new Reading(POINT, "ent-huaxin", now, value.get(), Quality.N, now))));
            }, 0, 1, TimeUnit.SECONDS);
            ConsoleClient duty = new ConsoleClient(park.consolePort());
            assertThat(duty.login("duty", "duty-demo")).isEqualTo(200);

            value.set(30.0); // level 1
            await().atMost(Duration.ofSeconds(60)).until(() -> !of(events, AlertEventType.ESCALATED).isEmpty());
            String alertId = of(events, AlertEventType.RAISED).get(0).alertId();
            String raisedId = of(events, AlertEventType.RAISED).get(0).eventId();
            await().atMost(Duration.ofSeconds(30)).until(() -> toPeople.contains(raisedId));

            // the API checks what it can: a reason and a length
            assertThat(duty.post("/api/alerts/" + alertId + "/shelve", "{\"minutes\": 1}").status()).isEqualTo(400);
            assertThat(duty.post("/api/alerts/" + alertId + "/shelve", "{\"minutes\": 0, \"reason\": \"x\"}").status())
                    .isEqualTo(400);
            // shelved for a minute
            ConsoleClient.Response shelved = duty.post("/api/alerts/" + alertId + "/shelve?lang=en",
                    "{\"minutes\": 1, \"reason\": \"detector under test by the instrument technician\"}");
            assertThat(shelved.status()).as(shelved.body()).isEqualTo(200);
            JsonNode ev = shelved.json().path("event");
            assertThat(ev.path("type").asText()).isEqualTo("SHELVED");
            assertThat(ev.path("actor").asText()).isEqualTo("duty");
            assertThat(ev.path("note").asText()).isEqualTo("detector under test by the instrument technician");
            assertThat(ev.path("message").asText()).startsWith("shelved by duty until ");
            long shelvedAt = System.currentTimeMillis();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode a = duty.json("/api/alerts/" + alertId).path("alert");
                assertThat(a.path("state").asText()).isEqualTo("SHELVED");
                assertThat(a.path("shelvedBy").asText()).isEqualTo("duty");
                assertThat(duty.json("/api/alerts?state=SHELVED")).extracting(n -> n.path("id").asText())
                        .contains(alertId);
            });
            // while shelved: no escalation, nothing to people; the systems' feed still gets the record
            int escalations = of(events, AlertEventType.ESCALATED).size();
            String shelvedEventId = ev.path("eventId").asText();
            await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15))
                    .until(() -> of(events, AlertEventType.ESCALATED).size() == escalations);
            await().atMost(Duration.ofSeconds(10)).until(() -> toSystems.contains(shelvedEventId));
            assertThat(toPeople).doesNotContain(shelvedEventId);

            // at expiry, still active: unacknowledged again, announced, and escalating again
            await().atMost(Duration.ofSeconds(90)).until(() -> !of(events, AlertEventType.UNSHELVED).isEmpty());
            AlertEvent expired = of(events, AlertEventType.UNSHELVED).get(0);
            assertThat(expired.actor()).isEqualTo("shelving");
            assertThat(expired.eventTime() - shelvedAt).isBetween(50_000L, 70_000L);
            await().atMost(Duration.ofSeconds(30)).until(() -> toPeople.contains(expired.eventId()));
            await().atMost(Duration.ofSeconds(30)).until(() -> of(events, AlertEventType.ESCALATED).size() > escalations);
            JsonNode back = duty.json("/api/alerts/" + alertId).path("alert");
            assertThat(back.path("state").asText()).isEqualTo("ACTIVE");
            assertThat(back.hasNonNull("acknowledgedBy")).isFalse();

            // unshelved by hand: acknowledged by whoever unshelved it
            assertThat(duty.post("/api/alerts/" + alertId + "/shelve",
                    "{\"minutes\": 30, \"reason\": \"technician still on site\"}").status()).isEqualTo(200);
            ConsoleClient.Response unshelved = duty.post("/api/alerts/" + alertId + "/unshelve", "{}");
            assertThat(unshelved.status()).as(unshelved.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode a = duty.json("/api/alerts/" + alertId).path("alert");
                assertThat(a.path("state").asText()).isEqualTo("ACKNOWLEDGED");
                assertThat(a.path("acknowledgedBy").asText()).isEqualTo("duty");
            });

            // shelved again, from the point, then the gas rises to level 2: it unshelves itself and is announced
            ConsoleClient.Response point = duty.post("/api/points/" + POINT + "/shelve",
                    "{\"minutes\": 30, \"reason\": \"purging the dike\"}");
            assertThat(point.status()).as(point.body()).isEqualTo(200);
            assertThat(point.json().path("alarms")).hasSize(1);
            value.set(58.0);
            await().atMost(Duration.ofSeconds(30)).until(() -> of(events, AlertEventType.UNSHELVED).size() == 3);
            AlertEvent rise = of(events, AlertEventType.UNSHELVED).get(2);
            assertThat(WireJson.writeString(rise)).contains("rose to critical");
            await().atMost(Duration.ofSeconds(30)).until(() -> toPeople.contains(rise.eventId()));
            // and a level-2 gas alarm is refused, with the reason, in the reader's language
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    duty.json("/api/alerts/" + alertId).path("alert").path("level").asText().equals("CRITICAL"));
            ConsoleClient.Response refused = duty.post("/api/alerts/" + alertId + "/shelve",
                    "{\"minutes\": 10, \"reason\": \"sure it is false\"}");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().path("error").asText()).contains("气体二级报警", "不得搁置");
        } finally {
            detector.shutdownNow();
            hooks.stop(0);
        }
    }

    /** The events of one type for the detector's combustible-gas alarm, once each. */
    static List<AlertEvent> of(TopicRecorder r, AlertEventType type) {
        Map<String, AlertEvent> byId = new LinkedHashMap<>();
        r.records().forEach(rec -> {
            AlertEvent e = WireJson.alertEvent(rec.value());
            if (e.type() == type && POINT.equals(e.pointId()) && "combustible-gas".equals(e.ruleId())) {
                byId.putIfAbsent(e.eventId(), e);
            }
        });
        return List.copyOf(byId.values());
    }
}
