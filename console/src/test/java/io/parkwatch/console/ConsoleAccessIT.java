package io.parkwatch.console;

import static io.parkwatch.console.TestEvents.handled;
import static io.parkwatch.console.TestEvents.raised;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import io.parkwatch.console.auth.ConsoleUser;
import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.platform.kafka.TopicSpec;
import io.parkwatch.rules.engine.AlertIds;
import io.parkwatch.rules.incident.Incident;
import io.parkwatch.rules.incident.IncidentAlarm;
import io.parkwatch.rules.incident.IncidentEvent;
import io.parkwatch.rules.incident.IncidentEventType;
import io.parkwatch.rules.incident.IncidentGrouping;
import io.parkwatch.rules.incident.IncidentState;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertCommand;
import io.parkwatch.rules.model.AlertCommand.Role;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertState;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console against a real Kafka: who may see and do what, over HTTP and over the WebSocket feed.
 * Two enterprises, A and B; a park officer sees both, each operator only their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAccessIT {

    static final String POINTS = """
            enterprises:
              - { id: ent-a, name: Plant A }
              - { id: ent-b, name: Plant B }
            points:
              - { id: A-GT1, enterprise: ent-a, kind: gas_lel, unit: "%LEL", range: [0, 100], interval: 1s, tank: T-1, zone: Z1 }
              - { id: A-GT2, enterprise: ent-a, kind: gas_lel, unit: "%LEL", range: [0, 100], interval: 1s, tank: T-1, zone: Z1 }
              - { id: B-GT1, enterprise: ent-b, kind: gas_lel, unit: "%LEL", range: [0, 100], interval: 1s, tank: T-9, zone: Z9 }
            """;

    final MutableClock clock = new MutableClock();
    static final byte[] LINK_KEY = "a test key of thirty-two bytes!!".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    final io.parkwatch.console.links.LinkSigner LINKS = new io.parkwatch.console.links.LinkSigner(LINK_KEY,
            Duration.ofHours(24), clock);
    EmbeddedKafka kafka;
    KafkaProducer<String, byte[]> producer;
    TopicRecorder commands;
    Console console;
    final long t0 = System.currentTimeMillis() - 120_000;

    static ConsoleUser user(String name, Role role, String enterprise, String password) {
        return new ConsoleUser(name, name, role, enterprise, BCrypt.withDefaults().hashToString(4, password.toCharArray()));
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        kafka = new EmbeddedKafka(dir, 0).start();
        kafka.createTopics(List.of(new TopicSpec(Topics.ALERTS, 2, true), new TopicSpec(Topics.ALERT_EVENTS, 2, false),
                new TopicSpec(Topics.READINGS, 2, false), new TopicSpec(Topics.CONFIG, 1, true),
                new TopicSpec(Topics.COMMANDS, 1, false), new TopicSpec(Topics.INCIDENTS, 1, false)));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        produce(Topics.CONFIG, "points", WireJson.write(new ConfigDocument("points", POINTS, "test", t0)));
        // before the console starts: A's alert raised then recovered (two states on the compacted topic), B's critical
        AlertEvent a1 = raised("a1", "A-GT1", "ent-a", Level.ALARM, t0);
        AlertEvent a1Back = TestEvents.event("a1", 2, AlertEventType.RECOVERED, "combustible-gas", "A-GT1", "ent-a",
                Level.ALARM, null, 3, t0 + 60_000);
        publish(a1, Alert.raisedBy(a1));
        publish(a1Back, Alert.raisedBy(a1).apply(a1Back));
        AlertEvent b1 = raised("b1", "B-GT1", "ent-b", Level.CRITICAL, t0 + 1000);
        publish(b1, Alert.raisedBy(b1));
        for (int i = 0; i < 10; i++) {
            reading("A-GT1", "ent-a", t0 + i * 1000, 10 + i);
            reading("B-GT1", "ent-b", t0 + i * 1000, 40 + i);
        }
        producer.flush();
        commands = new TopicRecorder(kafka.bootstrapServers(), Topics.COMMANDS);
        Map<String, ConsoleUser> users = Map.of(
                "duty", user("duty", Role.PARK_OFFICER, null, "duty-pw"),
                "op-a", user("op-a", Role.ENTERPRISE_OPERATOR, "ent-a", "a-pw"),
                "op-b", user("op-b", Role.ENTERPRISE_OPERATOR, "ent-b", "b-pw"),
                "guessed", user("guessed", Role.ENTERPRISE_OPERATOR, "ent-b", "right-pw"));
        console = Console.start(ConsoleConfig.of("127.0.0.1", 0, users).withLinks(LINKS), kafka.bootstrapServers(),
                clock);
        assertThat(console.awaitLoaded(Duration.ofSeconds(30))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> console.points().points().size() == 3);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {console, commands, producer, kafka}) {
            if (c != null) {
                c.close();
            }
        }
    }

    void publish(AlertEvent e, Alert state) throws Exception {
        produce(Topics.ALERT_EVENTS, e.alertId(), WireJson.write(e));
        produce(Topics.ALERTS, e.alertId(), WireJson.write(state));
    }

    void reading(String point, String enterprise, long t, double v) throws Exception {
        produce(Topics.READINGS, point, ReadingJson.write(new Reading(point, enterprise, t, v, Quality.N, t)));
    }

    void produce(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    }

    ConsoleClient loggedIn(String user, String password) throws Exception {
        ConsoleClient c = new ConsoleClient(console.port());
        assertThat(c.login(user, password)).isEqualTo(200);
        return c;
    }

    static List<String> ids(JsonNode array) {
        List<String> ids = new java.util.ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    static List<String> ids(List<JsonNode> alerts) {
        return alerts.stream().map(a -> a.get("id").asText()).toList();
    }

    @Test
    void withoutALiveSessionOnlyThePageItselfIsServed() throws Exception {
        ConsoleClient anonymous = new ConsoleClient(console.port());
        assertThat(anonymous.get("/").status()).isEqualTo(200);
        assertThat(anonymous.get("/app.js").status()).isEqualTo(200);
        for (String path : List.of("/api/alerts", "/api/alerts/a1", "/api/points/A-GT1/readings", "/api/overview",
                "/api/kpi", "/api/me")) {
            ConsoleClient.Response r = anonymous.get(path);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.json().get("errorKey").asText()).isEqualTo("http.log-in-first");
            assertThat(r.json().get("error").asText()).contains("请先登录"); // Chinese unless the reader asks otherwise
        }
        assertThat(anonymous.post("/api/alerts/a1/ack", "{}").status()).isEqualTo(401);
        assertThatThrownBy(() -> new BoardSocketClient(HttpClient.newHttpClient(), console.port(), "forged-token"))
                .isInstanceOf(ExecutionException.class);

        assertThat(anonymous.login("op-a", "wrong")).isEqualTo(401);
        assertThat(anonymous.login("nobody", "a-pw")).isEqualTo(401);
        // a state-changing call must be JSON (a cross-site form cannot send that)
        ConsoleClient a = loggedIn("op-a", "a-pw");
        assertThat(a.get("/api/me").json().get("role").asText()).isEqualTo("ENTERPRISE_OPERATOR");

        // five wrong guesses from one address hold that name back there, even against the right password ...
        for (int i = 0; i < 5; i++) {
            assertThat(anonymous.login("guessed", "guess-" + i)).isEqualTo(401);
        }
        assertThat(anonymous.login("guessed", "right-pw")).isEqualTo(429);
        // ... but the stranger cannot lock the real user out: from another address the right password works
        assertThat(loginFrom("127.0.0.2", "guessed", "right-pw")).startsWith("HTTP/1.1 200");
        assertThat(loginFrom("127.0.0.3", "guessed", "guess-x")).startsWith("HTTP/1.1 401");
        // any password length gets a clear answer (bcrypt reads 72 bytes)
        assertThat(loginFrom("127.0.0.4", "guessed", "p".repeat(73))).startsWith("HTTP/1.1 400")
                .contains("\"errorKey\":\"login.password-too-long\"");
        assertThat(loginFrom("127.0.0.4", "guessed", "p".repeat(20_000))).startsWith("HTTP/1.1 400");
        // a body beyond the console's limit is refused before anything reads it
        assertThat(loginFrom("127.0.0.4", "guessed", "p".repeat(70_000))).startsWith("HTTP/1.1 413");
        clock.advance(Duration.ofSeconds(61));
        assertThat(anonymous.login("guessed", "right-pw")).isEqualTo(200);
    }

    /** POST /api/login from a chosen local address; the status line and body of the answer. */
    String loginFrom(String local, String user, String password) throws Exception {
        byte[] body = WireJson.write(java.util.Map.of("username", user, "password", password));
        try (java.net.Socket s = new java.net.Socket()) {
            s.bind(new java.net.InetSocketAddress(local, 0));
            s.connect(new java.net.InetSocketAddress("127.0.0.1", console.port()), 5000);
            s.setSoTimeout(15_000);
            String head = "POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n";
            s.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            try {
                s.getOutputStream().write(body);
            } catch (java.io.IOException e) {
                // a refused body may be cut off: the answer is what counts
            }
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void theParkOfficerGetsTheWholeBoardInUrgencyOrderAndLiveUpdates() throws Exception {
        ConsoleClient duty = loggedIn("duty", "duty-pw");
        JsonNode all = duty.json("/api/alerts?enterprise=ent-a&enterprise=ent-b");
        assertThat(ids(all)).startsWith("b1"); // active critical before recovered
        assertThat(ids(all)).contains("a1");
        JsonNode b1 = all.get(0);
        assertThat(b1.get("point").asText()).isEqualTo("B-GT1");
        assertThat(b1.get("level").asText()).isEqualTo("CRITICAL");
        assertThat(b1.get("state").asText()).isEqualTo("ACTIVE");
        JsonNode a1 = duty.json("/api/alerts/a1");
        assertThat(a1.get("alert").get("state").asText()).isEqualTo("RECOVERED"); // the newer state won
        assertThat(a1.get("timeline").findValuesAsText("type")).containsExactly("RAISED", "RECOVERED");
        assertThat(ids(duty.json("/api/alerts?state=ACTIVE&level=CRITICAL"))).containsExactly("b1");

        try (BoardSocketClient board = duty.board()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !board.messages().isEmpty());
            assertThat(board.messages().get(0).get("type").asText()).isEqualTo("snapshot");
            assertThat(ids(board.messages().get(0).get("alerts"))).contains("a1", "b1");
            long sentAt = System.nanoTime();
            AlertEvent a2 = raised("a2", "A-GT2", "ent-a", Level.ALARM, System.currentTimeMillis());
            publish(a2, Alert.raisedBy(a2));
            await().atMost(Duration.ofSeconds(5)).until(() -> ids(board.pushedAlerts()).contains("a2"));
            System.out.printf("WebSocket update arrived %d ms after the alert was produced%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt));
            await().atMost(Duration.ofSeconds(5)).until(() -> board.messages().stream()
                    .anyMatch(m -> m.get("type").asText().equals("event")
                            && m.get("event").get("alertId").asText().equals("a2")));
        }
    }

    @Test
    void anOperatorNeverSeesNorTouchesAnotherEnterprise() throws Exception {
        ConsoleClient a = loggedIn("op-a", "a-pw");
        assertThat(ids(a.json("/api/alerts"))).contains("a1").doesNotContain("b1");
        assertThat(ids(a.json("/api/alerts?enterprise=ent-b"))).isEmpty();

        ConsoleClient.Response detail = a.get("/api/alerts/b1");
        assertThat(detail.status()).isEqualTo(403);
        assertThat(detail.json().get("error").asText()).isEqualTo("报警 b1 属于 ent-b；op-a 只能处置 ent-a 的报警");
        assertThat(a.get("/api/alerts/b1?lang=en").json().get("error").asText())
                .isEqualTo("alert b1 belongs to ent-b; op-a operates ent-a only");
        ConsoleClient.Response readings = a.get("/api/points/B-GT1/readings?from=0");
        assertThat(readings.status()).isEqualTo(403);
        assertThat(readings.body()).doesNotContain("\"v\"");
        JsonNode own = a.json("/api/points/A-GT1/readings?from=" + t0 + "&to=" + (t0 + 4_000));
        assertThat(own.get("readings").findValuesAsText("v")).containsExactly("10.0", "11.0", "12.0", "13.0", "14.0");

        int commandsBefore = commands.records().size();
        for (String action : List.of("ack", "comment", "close")) {
            ConsoleClient.Response r = a.post("/api/alerts/b1/" + action, "{\"note\": \"not mine\"}");
            assertThat(r.status()).as(action).isEqualTo(403);
            assertThat(r.json().get("error").asText()).contains("ent-b");
        }

        JsonNode overview = a.json("/api/overview");
        assertThat(ids(overview.get("enterprises"))).containsExactly("ent-a");
        assertThat(overview.toString()).doesNotContain("ent-b").doesNotContain("B-GT1");
        JsonNode kpi = a.json("/api/kpi?from=" + (t0 - 1000) + "&to=" + (t0 + 3_600_000));
        assertThat(kpi.get("positions").findValuesAsText("position")).containsExactly("ent-a control room");
        assertThat(kpi.get("topTen").findValuesAsText("enterprise")).containsOnly("ent-a");
        // response figures (叫应率): B's alarm that called B's control room counts for B only
        AlertEvent called = raised("b7", "B-GT1", "ent-b", Level.ALARM, t0 + 1_000).withRecipients(List.of(
                new io.parkwatch.rules.model.Recipient("b-control", "B 中控室", "1", "control-room", "企业中控室",
                        List.of()))).withUntil(t0 + 301_000);
        publish(called, Alert.raisedBy(called));
        ConsoleClient b = loggedIn("op-b", "b-pw");
        String period = "?from=" + (t0 - 1000) + "&to=" + (t0 + 3_600_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> b.json("/api/kpi/response" + period).get("park")
                .get("reached").asInt() == 1);
        assertThat(b.json("/api/kpi/response" + period).get("rows").findValuesAsText("tierName")).containsExactly("企业中控室");
        assertThat(a.json("/api/kpi/response" + period).get("rows").findValuesAsText("enterprise"))
                .doesNotContain("ent-b");
        ConsoleClient.Response csv = b.get("/api/kpi/response" + period + "&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF企业,级别,层级,通知到").contains("ent-b,ALARM,企业中控室,1,0,0.0,,,0,1",
                "园区合计,,,1,0,0.0,,,0,1");

        // Live: B's new alert goes to B's operator, never to A's, though A's board is open the whole time.
        try (BoardSocketClient boardA = a.board(); BoardSocketClient boardB = loggedIn("op-b", "b-pw").board()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !boardA.messages().isEmpty() && !boardB.messages().isEmpty());
            assertThat(ids(boardA.messages().get(0).get("alerts"))).doesNotContain("b1").contains("a1");
            AlertEvent b2 = raised("b2", "B-GT1", "ent-b", Level.ALARM, System.currentTimeMillis());
            publish(b2, Alert.raisedBy(b2));
            await().atMost(Duration.ofSeconds(5)).until(() -> ids(boardB.pushedAlerts()).contains("b2"));
            // then one of A's: once A has it, B's (sent earlier on the same socket) would have arrived before
            AlertEvent a3 = raised("a3", "A-GT2", "ent-a", Level.WARN, System.currentTimeMillis());
            publish(a3, Alert.raisedBy(a3));
            await().atMost(Duration.ofSeconds(5)).until(() -> ids(boardA.pushedAlerts()).contains("a3"));
            assertThat(boardA.messages().toString()).doesNotContain("b2").doesNotContain("B-GT1");
            assertThat(ids(boardB.pushedAlerts())).doesNotContain("a3");
        }
        assertThat(commands.records()).hasSize(commandsBefore); // nothing of A's reached the job for B
    }

    @Test
    void eachEnterpriseSeesItsOwnPartOfTheParksLinkIncident() throws Exception {
        // the gateway lost both plants' loggers: one incident at the park's position
        Incident link = new Incident("inc-off-a", IncidentGrouping.PARK, "link", IncidentState.OPEN, Level.WARN, t0, t0,
                List.of(new IncidentAlarm("off-a", "offline", "logger:ent-a", null, null, null, Level.WARN, t0, null,
                        false, false, "ent-a"), new IncidentAlarm("off-b", "offline", "logger:ent-b", null, null, null,
                        Level.WARN, t0 + 2_000, "enterprise", false, false, "ent-b")), false);
        produce(Topics.INCIDENTS, link.incidentId(), WireJson.write(new IncidentEvent("inc-off-a-1", 1,
                IncidentEventType.OPENED, "off-a", t0, link)));
        produce(Topics.INCIDENTS, link.incidentId(), WireJson.write(new IncidentEvent("inc-off-a-2", 2,
                IncidentEventType.DEVELOPED, "off-b", t0 + 2_000, link)));
        ConsoleClient duty = loggedIn("duty", "duty-pw");
        await().atMost(Duration.ofSeconds(10)).until(() -> duty.json("/api/incidents").path("incidents").size() == 1);
        assertThat(duty.json("/api/incidents").path("incidents").get(0).path("alarms").findValuesAsText("alertId"))
                .containsExactly("off-a", "off-b");
        ConsoleClient a = loggedIn("op-a", "a-pw");
        JsonNode seenByA = a.json("/api/incidents").path("incidents");
        assertThat(seenByA).hasSize(1);
        assertThat(seenByA.get(0).path("alarms").findValuesAsText("alertId")).containsExactly("off-a");
        assertThat(a.json("/api/incidents?enterprise=ent-a").path("incidents")).hasSize(1);
        JsonNode one = a.json("/api/incidents/inc-off-a");
        assertThat(one.path("incident").path("alarms").findValuesAsText("alertId")).containsExactly("off-a");
        assertThat(one.path("timeline").findValuesAsText("alertId")).containsExactly("off-a");
        ConsoleClient b = loggedIn("op-b", "b-pw");
        assertThat(b.json("/api/incidents/inc-off-a").path("incident").path("alarms").findValuesAsText("alertId"))
                .containsExactly("off-b");
    }

    @Test
    void aFloodIsToldAtOnceToTheBoardsThatSeeItsPositionAndToNoOther() throws Exception {
        try (BoardSocketClient duty = loggedIn("duty", "duty-pw").board(); BoardSocketClient a = loggedIn("op-a", "a-pw").board();
                BoardSocketClient b = loggedIn("op-b", "b-pw").board()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !duty.messages().isEmpty() && !a.messages().isEmpty()
                    && !b.messages().isEmpty());
            floodStep("ent-a", 1, IncidentEventType.FLOOD_STARTED);
            await().atMost(Duration.ofSeconds(10)).until(() -> floods(a).equals(List.of("ent-a true")));
            await().atMost(Duration.ofSeconds(5)).until(() -> floods(duty).equals(List.of("ent-a true")));
            floodStep("ent-a", 2, IncidentEventType.FLOOD_ENDED);
            floodStep("ent-b", 1, IncidentEventType.FLOOD_STARTED);
            // B's board has its own position's flood; A's (told before, on the same console) never came to it
            await().atMost(Duration.ofSeconds(10)).until(() -> floods(b).equals(List.of("ent-b true")));
            await().atMost(Duration.ofSeconds(5)).until(() -> floods(duty).equals(List.of("ent-a true", "ent-a false",
                    "ent-b true")));
            assertThat(floods(a)).containsExactly("ent-a true", "ent-a false");
            assertThat(b.messages().toString()).doesNotContain("ent-a");
            floodStep("ent-b", 2, IncidentEventType.FLOOD_ENDED);
            await().atMost(Duration.ofSeconds(10)).until(() -> floods(b).equals(List.of("ent-b true", "ent-b false")));
        }
    }

    /** A step of a flood at one enterprise's position, on an incident already closed (the other tests list open ones). */
    void floodStep(String enterprise, int seq, IncidentEventType type) throws Exception {
        Incident i = new Incident("inc-flood-" + enterprise, enterprise, "process", IncidentState.CLOSED, Level.ALARM, t0,
                t0 + seq, List.of(new IncidentAlarm("flood-" + enterprise, "gas", "X", null, null, null, Level.ALARM, t0,
                        null, false, true, enterprise)), type == IncidentEventType.FLOOD_STARTED);
        produce(Topics.INCIDENTS, i.incidentId(), WireJson.write(new IncidentEvent(i.incidentId() + "-" + seq, seq, type,
                null, t0 + seq, i)));
    }

    /** The flood messages a board got, as "enterprise inFlood". */
    static List<String> floods(BoardSocketClient board) {
        return board.messages().stream().filter(m -> m.path("type").asText().equals("flood"))
                .map(m -> m.get("enterprise").asText() + " " + m.get("inFlood").asBoolean()).toList();
    }

    @Test
    void commandsGoToTheJobAsTheLoggedInPersonAndAnswerWithItsOutcome() throws Exception {
        AlertEvent raised = raised("a9", "A-GT2", "ent-a", Level.ALARM, System.currentTimeMillis());
        Alert a9 = Alert.raisedBy(raised);
        publish(raised, a9);
        await().atMost(Duration.ofSeconds(5)).until(() -> console.board().get("a9").isPresent());
        ConsoleClient a = loggedIn("op-a", "a-pw");

        assertThat(a.post("/api/alerts/a9/comment", "{}").status()).isEqualTo(400); // a comment needs words
        assertThat(a.post("/api/alerts/a9/close", "{\"note\": \"x\", \"force\": true}").status()).isEqualTo(403);

        // The test plays the job: it answers each command with the event the job derives from its id.
        CompletableFuture<ConsoleClient.Response> ack = CompletableFuture.supplyAsync(() -> call(a, "/api/alerts/a9/ack",
                "{\"note\": \"on my way\"}"));
        AlertCommand cmd = nextCommand("a9");
        assertThat(cmd.type()).isEqualTo(AlertCommand.Type.ACKNOWLEDGE);
        assertThat(cmd.user()).isEqualTo("op-a"); // from the session, not from the request
        assertThat(cmd.role()).isEqualTo(Role.ENTERPRISE_OPERATOR);
        assertThat(cmd.enterpriseId()).isEqualTo("ent-a");
        assertThat(cmd.alertKey()).isEqualTo(a9.key());
        AlertEvent acked = handled(raised, AlertIds.eventId("a9", "cmd|" + cmd.commandId()),
                AlertEventType.ACKNOWLEDGED, "op-a", null, System.currentTimeMillis());
        publish(acked, a9.with(Alert.Handling.NEW.withAcknowledgedBy("op-a").withAcknowledgedAt(acked.eventTime()),
                AlertState.ACTIVE));
        ConsoleClient.Response ok = ack.get(15, TimeUnit.SECONDS);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("event").get("type").asText()).isEqualTo("ACKNOWLEDGED");
        await().atMost(Duration.ofSeconds(5)).until(() -> a.json("/api/alerts/a9").get("alert").get("state").asText()
                .equals("ACKNOWLEDGED"));

        // A refusal by the job is a 409 with its reason.
        CompletableFuture<ConsoleClient.Response> close = CompletableFuture.supplyAsync(() -> call(a,
                "/api/alerts/a9/close", "{\"note\": \"valve shut\"}"));
        AlertCommand closeCmd = nextCommand("a9");
        assertThat(closeCmd.type()).isEqualTo(AlertCommand.Type.CLOSE);
        assertThat(closeCmd.note()).isEqualTo("valve shut");
        AlertEvent refusal = handled(raised, AlertIds.eventId("a9", "cmd|" + closeCmd.commandId()),
                AlertEventType.COMMAND_REFUSED, "op-a", "the condition is still present: close after recovery",
                System.currentTimeMillis());
        produce(Topics.ALERT_EVENTS, "a9", WireJson.write(refusal));
        ConsoleClient.Response refused = close.get(15, TimeUnit.SECONDS);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).contains("still present");
    }

    @Test
    void aSignedLinkLetsTheCalledPersonAcknowledgeFromAPhoneAndRefusesEverythingElse() throws Exception {
        io.parkwatch.rules.model.Recipient zhang = new io.parkwatch.rules.model.Recipient("zhang", "张伟", "138-1",
                "operational", "操作负责人", List.of("sms"));
        AlertEvent raised = raised("m1", "A-GT2", "ent-a", Level.ALARM, System.currentTimeMillis())
                .withRecipients(List.of(zhang));
        Alert m1 = Alert.raisedBy(raised);
        publish(raised, m1);
        await().atMost(Duration.ofSeconds(5)).until(() -> console.board().get("m1").isPresent()
                && !console.history().timeline("m1").isEmpty());
        ConsoleClient phone = new ConsoleClient(console.port()); // no login
        String token = LINKS.sign("m1", m1.key(), "zhang");

        ConsoleClient.Response page = phone.get("/m/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("width=device-width", "A-GT2", "我是 张伟，叫应", "张伟（操作负责人）",
                "<form method=\"post\"");
        // altered, forged with another key, expired, or for someone the alarm never called: refused, with why
        String altered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        assertThat(phone.get("/m/" + altered).body()).contains("链接已被改动");
        String forged = new io.parkwatch.console.links.LinkSigner("another key of thirty-two bytes!".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), Duration.ofHours(24), clock).sign("m1", m1.key(), "zhang");
        assertThat(phone.get("/m/" + forged).status()).isEqualTo(403);
        String expired = new io.parkwatch.console.links.LinkSigner(LINK_KEY, Duration.ofHours(24),
                java.time.Clock.fixed(clock.instant().minus(Duration.ofHours(25)), java.time.ZoneOffset.UTC))
                .sign("m1", m1.key(), "zhang");
        assertThat(phone.get("/m/" + expired).body()).contains("链接已过期");
        assertThat(phone.get("/m/" + LINKS.sign("m1", m1.key(), "li")).body()).contains("没有通知过");
        assertThat(phone.get("/m/not-a-token").body()).contains("链接不完整");
        assertThat(phone.get("/m/" + token + "?lang=en").body()).contains("I am 张伟: acknowledge");

        // acknowledged from the phone, in the person's name; the test plays the job
        CompletableFuture<ConsoleClient.Response> ack = CompletableFuture.supplyAsync(() -> call(phone, "/m/" + token,
                "comment=" + java.net.URLEncoder.encode("马上到现场", java.nio.charset.StandardCharsets.UTF_8)));
        AlertCommand cmd = nextCommand("m1");
        assertThat(cmd.type()).isEqualTo(AlertCommand.Type.ACKNOWLEDGE);
        assertThat(cmd.user()).isEqualTo("张伟 (zhang)");
        assertThat(cmd.role()).isEqualTo(Role.PERSON);
        assertThat(cmd.note()).isEqualTo("马上到现场");
        assertThat(cmd.alertKey()).isEqualTo(m1.key());
        AlertEvent acked = handled(raised, AlertIds.eventId("m1", "cmd|" + cmd.commandId()), AlertEventType.ACKNOWLEDGED,
                cmd.user(), cmd.note(), System.currentTimeMillis()).withText(io.parkwatch.rules.text.Message.of(
                        "event.acknowledged", cmd.user()));
        publish(acked, m1.with(Alert.Handling.NEW.withAcknowledgedBy(cmd.user()).withAcknowledgedAt(acked.eventTime()),
                AlertState.ACTIVE));
        ConsoleClient.Response done = ack.get(15, TimeUnit.SECONDS);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("已由 张伟 (zhang) 叫应");
        // closed, the link is no use any more
        AlertEvent closed = handled(raised, "m1-closed", AlertEventType.CLOSED, "duty", "done", System.currentTimeMillis());
        publish(closed, m1.with(Alert.Handling.NEW.withAcknowledgedBy("duty").withClosedBy("duty").withCloseNote("done"),
                AlertState.RECOVERED));
        await().atMost(Duration.ofSeconds(5)).until(() -> phone.get("/m/" + token).status() == 410);
        assertThat(phone.get("/m/" + token).body()).contains("已由 duty 消警");
        // a link cannot be used to flood: ten POSTs a minute, then refused with the reason
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(call(phone, "/m/" + token, "comment=again").status());
        }
        assertThat(statuses.subList(0, 9)).containsOnly(410);
        assertThat(statuses.get(9)).isEqualTo(429);
        assertThat(call(phone, "/m/" + token, "comment=again").body()).contains("操作过于频繁");
    }

    @Test
    void aSessionEndsAfterItsIdleTimeAndItsLiveFeedIsClosed() throws Exception {
        ConsoleClient b = loggedIn("op-b", "b-pw");
        try (BoardSocketClient board = b.board()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !board.messages().isEmpty());
            clock.advance(Duration.ofMinutes(31)); // idle limit is 30 minutes
            assertThat(b.get("/api/alerts").status()).isEqualTo(401);
            board.send("{\"type\":\"ping\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> board.closeCode() == 4401);
        }
        // the maximum age ends a session even while it is busy
        ConsoleClient duty = loggedIn("duty", "duty-pw");
        for (int i = 0; i < 24; i++) { // 24 x 29 min = 11 h 36 min, never idle for 30 minutes
            clock.advance(Duration.ofMinutes(29));
            assertThat(duty.get("/api/me").status()).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(29)); // 12 h 5 min after login
        assertThat(duty.get("/api/me").status()).isEqualTo(401);
    }

    ConsoleClient.Response call(ConsoleClient c, String path, String body) {
        try {
            return c.post(path, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    AlertCommand nextCommand(String alertId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> commands.records().stream()
                .map(r -> WireJson.read(r.value(), AlertCommand.class))
                .filter(c -> c.alertId().equals(alertId) && !answered.contains(c.commandId()))
                .findFirst().map(c -> {
                    answered.add(c.commandId());
                    return c;
                }).orElse(null), java.util.Objects::nonNull);
    }

    final java.util.Set<String> answered = java.util.concurrent.ConcurrentHashMap.newKeySet();
}
