package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkwatch.console.ConsoleClient;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.incident.IncidentEvent;
import io.parkwatch.rules.incident.IncidentEventType;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leak spreading over Huaxin's gas zone through the real job: one incident with the first detector as its first-out
 * and the others grouped under it in order, the rise to level 2 a development; more than two alarms in 20 seconds
 * put the position in flood and the flood ends when they stop; the incident is acknowledged and closed from the
 * console in one command each (each alarm audited as its own event); another enterprise's operator does not see it.
 */
class IncidentsIT {

    @TempDir
    Path tmp;

    @Test
    void aSpreadingLeakIsOneIncidentAndItsFloodBeginsAndEnds() throws Exception {
        ConsoleBrowserIT.requireChromium();
        Map<String, Double> values = new ConcurrentHashMap<>(Map.of("HX-T101-GT1", 2.0, "HX-T101-GT2", 2.0,
                "HX-T102-GT1", 2.0));
        ScheduledExecutorService detectors = Executors.newSingleThreadScheduledExecutor();
        // Huaxin's DingTalk group: what people read, when
        Map<String, Long> toGroup = new ConcurrentHashMap<>();
        Map<String, String> groupText = new ConcurrentHashMap<>();
        HttpServer dingTalk = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dingTalk.createContext("/robot/send", x -> {
            String key = x.getRequestHeaders().getFirst("Idempotency-Key");
            toGroup.putIfAbsent(key, System.currentTimeMillis());
            groupText.put(key, new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, ok.length);
            x.getResponseBody().write(ok);
            x.close();
        });
        dingTalk.start();
        try (ParkWatchStandalone park = ParkWatchStandalone.start(LocalPark.settings(tmp)
                .with("incidents.flood-above", 2).with("incidents.flood-window", "30s")
                .with("notifier.flood-digest-every", "5s")
                .withValue("notifier.webhooks", List.of(Map.of("name", "huaxin-group", "format", "dingtalk",
                        "url", "http://127.0.0.1:" + dingTalk.getAddress().getPort() + "/robot/send"))),
                StandaloneEndToEndIT.ROOT);
                TopicRecorder steps = new TopicRecorder(park.kafkaBootstrap(), Topics.INCIDENTS);
                TopicRecorder events = new TopicRecorder(park.kafkaBootstrap(), Topics.ALERT_EVENTS);
                KafkaProducer<String, byte[]> readings = new KafkaProducer<>(Map.of("bootstrap.servers",
                        park.kafkaBootstrap()), new StringSerializer(), new ByteArraySerializer())) {
            detectors.scheduleAtFixedRate(() -> values.forEach((point, v) -> {
                long now = System.currentTimeMillis();
                readings.send(new ProducerRecord<>(Topics.READINGS, point, ReadingJson.write(
                        new Reading(point, "ent-huaxin", now, v, Quality.N, now))));
            }), 0, 1, TimeUnit.SECONDS);
            ConsoleClient duty = new ConsoleClient(park.consolePort());
            assertThat(duty.login("duty", "duty-demo")).isEqualTo(200);
            // the duty officer's console, on the board
            WebDriver browser = ConsoleBrowserIT.chromium();
            ConsoleBrowserIT.logIn(browser, park.consolePort(), "duty", "duty-demo");
            ConsoleClient donghai = new ConsoleClient(park.consolePort());
            assertThat(donghai.login("donghai", "donghai-demo")).isEqualTo(200);

            // the leak reaches the first detector, then the second, then the neighbouring tank's
            values.put("HX-T101-GT1", 30.0);
            await().atMost(Duration.ofSeconds(30)).until(() -> alerts(events, "HX-T101-GT1") > 0);
            values.put("HX-T101-GT2", 31.0);
            await().atMost(Duration.ofSeconds(30)).until(() -> alerts(events, "HX-T101-GT2") > 0);
            values.put("HX-T102-GT1", 28.0);
            await().atMost(Duration.ofSeconds(30)).until(() -> alerts(events, "HX-T102-GT1") > 0);
            values.put("HX-T101-GT1", 55.0); // level 2

            JsonNode incident = await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode list = duty.json("/api/incidents").path("incidents");
                return list.size() == 1 && list.get(0).path("worstLevel").asText().equals("CRITICAL") ? list.get(0)
                        : null;
            }, n -> n != null);
            String id = incident.path("incidentId").asText();
            JsonNode alarms = incident.path("alarms");
            assertThat(alarms.get(0).path("subject").asText()).as("first-out").isEqualTo("HX-T101-GT1");
            List<String> order = new ArrayList<>();
            alarms.forEach(a -> order.add(a.path("subject").asText()));
            assertThat(order.indexOf("HX-T101-GT2")).isLessThan(order.lastIndexOf("HX-T102-GT1"));
            assertThat(order).allMatch(s -> s.startsWith("HX-"));
            assertThat(types(steps)).contains(IncidentEventType.OPENED, IncidentEventType.DEVELOPED);
            // more than two alarms within 30 s: the position is in flood
            await().atMost(Duration.ofSeconds(10)).until(() -> types(steps).contains(IncidentEventType.FLOOD_STARTED));
            assertThat(duty.json("/api/incidents").path("inFlood").toString()).contains("ent-huaxin");
            // the console shows the incidents instead of the board, the first-out on top
            ConsoleBrowserIT.ui().atMost(Duration.ofSeconds(15)).until(() -> browser.getCurrentUrl().endsWith("#/incidents")
                    && browser.findElement(By.id("flood-banner")).isDisplayed());
            ConsoleBrowserIT.ui().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(
                    By.cssSelector("article[data-incident='" + id + "'] .incident-alarms li")).getText()
                    .contains("首出") && browser.findElement(By.cssSelector("article[data-incident='" + id
                            + "'] .incident-alarms li")).getText().contains("HX-T101-GT1"));
            assertThat(browser.findElement(By.id("flood-banner")).getText()).contains("报警泛滥");
            Files.write(ConsoleBrowserIT.SHOTS.resolve("incidents-flood.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            // the level-2 gas alarm inside the flood was told to the group at once, on its own
            AlertEvent level2 = await().atMost(Duration.ofSeconds(10)).until(() -> events.records().stream()
                    .map(r -> WireJson.alertEvent(r.value())).filter(e -> e.type() == AlertEventType.LEVEL_CHANGED
                            && e.level() == io.parkwatch.rules.model.Level.CRITICAL).findFirst(),
                    java.util.Optional::isPresent).get();
            await().atMost(Duration.ofSeconds(10)).until(() -> toGroup.containsKey(level2.eventId()));
            assertThat(toGroup.get(level2.eventId()) - level2.detectedAt()).isLessThan(5_000);
            // the alerts' filters work on incidents too
            assertThat(duty.json("/api/incidents?level=CRITICAL&point=HX-T102-GT1").path("incidents")).hasSize(1);
            assertThat(duty.json("/api/incidents?level=WARN").path("incidents")).isEmpty();
            assertThat(duty.json("/api/incidents?kind=temperature").path("incidents")).isEmpty();
            // another enterprise's operator sees nothing of it
            assertThat(donghai.json("/api/incidents").path("incidents")).isEmpty();
            assertThat(donghai.get("/api/incidents/" + id).status()).isEqualTo(403);

            // acknowledged in one command: each alarm acknowledged by duty, the incident acknowledged
            ConsoleClient.Response ack = duty.post("/api/incidents/" + id + "/ack", "{\"note\": \"一次叫应整起事件\"}");
            assertThat(ack.status()).as(ack.body()).isEqualTo(200);
            int alarmCount = alarms.size();
            await().atMost(Duration.ofSeconds(15)).until(() -> events.records().stream().map(r -> WireJson.alertEvent(
                    r.value())).filter(e -> e.type() == AlertEventType.ACKNOWLEDGED && "duty".equals(e.actor()))
                    .map(AlertEvent::alertId).distinct().count() >= alarmCount);
            await().atMost(Duration.ofSeconds(10)).until(() -> types(steps).contains(IncidentEventType.ACKNOWLEDGED));
            // in the flood the three acknowledgements reach the group as one message about the incident
            await().atMost(Duration.ofSeconds(20)).until(() -> toGroup.keySet().stream()
                    .anyMatch(k -> k.startsWith("digest-inc-")));
            String digest = toGroup.keySet().stream().filter(k -> k.startsWith("digest-inc-")).findFirst().get();
            assertThat(groupText.get(digest)).contains("按事件汇总", "首出 HX-T101-GT1", "二级报警");
            // the flood ends when the alarms stop coming
            await().atMost(Duration.ofSeconds(90)).until(() -> types(steps).contains(IncidentEventType.FLOOD_ENDED));
            long announced = events.records().stream().map(r -> WireJson.alertEvent(r.value()))
                    .filter(e -> "ent-huaxin".equals(e.enterpriseId()) && e.announced()).map(AlertEvent::eventId)
                    .distinct().count();
            // (the group also hears of the enterprises' risk colours: those are not the alarms' messages)
            long aboutAlarms = toGroup.keySet().stream().filter(k -> !k.startsWith("risk-")
                    && !k.startsWith("commitment-")).count();
            System.out.printf("incident grouping: %d alarm events for people, %d messages to the group%n", announced,
                    aboutAlarms);
            assertThat(aboutAlarms).isLessThan(announced);
            // (the rate-of-rise warnings that follow may flood it again for a while: in the end it is calm)
            await().atMost(Duration.ofSeconds(90)).until(() -> duty.json("/api/incidents").path("inFlood").isEmpty());
            // and the console goes back to the board
            ConsoleBrowserIT.ui().atMost(Duration.ofSeconds(15)).until(() -> browser.getCurrentUrl().endsWith("#/board")
                    && browser.findElement(By.id("view-board")).isDisplayed());
            browser.quit();

            // the gas is gone; the duty officer closes the incident: each alarm closed (the rate-of-rise warnings that
            // have not recovered yet are closed by force, which park officers may do with a reason)
            values.replaceAll((p, v) -> 1.0);
            await().atMost(Duration.ofSeconds(60)).until(() -> events.records().stream()
                    .map(r -> WireJson.alertEvent(r.value())).filter(e -> e.type() == AlertEventType.RECOVERED)
                    .map(AlertEvent::alertId).distinct().count() >= alarmCount);
            ConsoleClient.Response close = duty.post("/api/incidents/" + id + "/close",
                    "{\"note\": \"泄漏点已处置，复测正常\", \"force\": true}");
            assertThat(close.status()).as(close.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(15)).until(() -> types(steps).contains(IncidentEventType.CLOSED));
            JsonNode closed = duty.json("/api/incidents/" + id);
            assertThat(closed.path("incident").path("state").asText()).isEqualTo("CLOSED");
            assertThat(closed.path("timeline").get(0).path("type").asText()).isEqualTo("OPENED");
            assertThat(duty.json("/api/incidents").path("incidents")).isEmpty();
        } finally {
            detectors.shutdownNow();
            dingTalk.stop(0);
        }
    }

    static long alerts(TopicRecorder events, String point) {
        return events.records().stream().map(r -> WireJson.alertEvent(r.value()))
                .filter(e -> e.type() == AlertEventType.RAISED && point.equals(e.pointId())).count();
    }

    static List<IncidentEventType> types(TopicRecorder steps) {
        return steps.records().stream().map(r -> WireJson.read(r.value(), IncidentEvent.class).type()).toList();
    }
}
