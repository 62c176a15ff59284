package io.parkwatch.console.notify;

import io.parkwatch.rules.text.Catalogue;
import java.time.ZoneId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.platform.kafka.TopicSpec;
import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifierIT {

    @TempDir
    Path dir;

    static AlertEvent event(String id, String enterprise, AlertEventType type, String note) {
        return AlertEvent.builder().eventId(id).alertId("alert-" + id).seq(1).type(type).ruleId("combustible-gas")
                .pointId("GT-" + enterprise).enterpriseId(enterprise).kind(PointKind.GAS_LEL).unit("%LEL")
                .direction(Direction.HIGH).level(Level.ALARM).value(30).limit(25).eventTime(1_795_400_000_000L)
                .detectedAt(0).readingReceivedAt(0).tank("T-1").zone("Z1")
                .message("T-1 gas detector: 30 %LEL, at or above the alarm limit 25 %LEL")
                .category(AlertCategory.PROCESS).actor(type == AlertEventType.ESCALATED ? "escalation" : null)
                .note(note).build();
    }

    static EmbeddedKafka kafka(Path dir) {
        EmbeddedKafka k = new EmbeddedKafka(dir, 0).start();
        k.createTopics(Topics.ALL.stream().map(t -> new TopicSpec(t, Topics.partitions(t, 2), Topics.isCompacted(t))).toList());
        return k;
    }

    static void publish(EmbeddedKafka kafka, AlertEvent... events) throws Exception {
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (AlertEvent e : events) {
                p.send(new ProducerRecord<>(Topics.ALERT_EVENTS, e.alertId(), WireJson.write(e))).get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aWebhookThatFailsTwiceReceivesTheEventExactlyOnceAndARestartRepeatsNothing() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", x -> {
            String body = read(x.getRequestBody());
            int n = calls.incrementAndGet();
            int status = n <= 2 ? 503 : 200; // down for the first two calls
            if (status == 200) {
                accepted.computeIfAbsent(x.getRequestHeaders().getFirst("Idempotency-Key"), k -> new AtomicInteger())
                        .incrementAndGet();
                bodies.add(body);
            }
            x.sendResponseHeaders(status, -1);
            x.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        try (EmbeddedKafka kafka = kafka(dir)) {
            AlertEvent e1 = event("e1", "ent-a", AlertEventType.RAISED, null);
            publish(kafka, e1, e1); // at-least-once upstream: the same event twice
            try (Notifier n = new Notifier(NotifierSettings.defaults(kafka.bootstrapServers(), "notifier-test").withMaxAttempts(5).withBackoff(Duration.ofMillis(50)),
                    List.of(new WebhookChannel("park-hook", url, WebhookChannel.Format.JSON, null)))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> n.recorded().containsKey("park-hook|e1"));
                assertThat(n.recorded().get("park-hook|e1").status()).isEqualTo(DeliveryRecord.DELIVERED);
                assertThat(n.recorded().get("park-hook|e1").attempts()).isEqualTo(3);
            }
            assertThat(accepted).containsOnlyKeys("e1");
            assertThat(accepted.get("e1").get()).isEqualTo(1);
            assertThat(calls.get()).isEqualTo(3);
            assertThat(bodies.get(0)).contains("\"idempotencyKey\":\"e1\"", "\"type\":\"RAISED\"");

            // a new notifier process: what was recorded is not sent again, and new events still go out
            AlertEvent e2 = event("e2", "ent-a", AlertEventType.ACKNOWLEDGED, null);
            publish(kafka, e2);
            try (Notifier n = new Notifier(NotifierSettings.defaults(kafka.bootstrapServers(), "notifier-test").withMaxAttempts(5).withBackoff(Duration.ofMillis(50)),
                    List.of(new WebhookChannel("park-hook", url, WebhookChannel.Format.JSON, null)))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> accepted.containsKey("e2"));
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> calls.get() == 4);
            }
            assertThat(accepted.get("e1").get()).isEqualTo(1);
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * A flood's events go to a JSON feed several at once (its lanes), each alert's in order, each once: the receiver
     * holds every request until a second one is open beside it (for at most 5 s), so one at a time would show.
     */
    @Test
    void aFloodGoesToAJsonWebhookSeveralAtOnceEachAlertsEventsInOrder() throws Exception {
        int alerts = 40;
        Map<String, List<Integer>> arrived = new ConcurrentHashMap<>(); // alert id -> seq in order of arrival
        Map<String, AtomicInteger> perEvent = new ConcurrentHashMap<>();
        AtomicInteger open = new AtomicInteger();
        AtomicInteger mostOpen = new AtomicInteger();
        java.util.concurrent.CountDownLatch twoOpen = new java.util.concurrent.CountDownLatch(2);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
        receiver.createContext("/hook", x -> {
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            twoOpen.countDown();
            try {
                twoOpen.await(5, TimeUnit.SECONDS);
                var body = WireJson.MAPPER.readTree(read(x.getRequestBody()));
                var event = body.path("event");
                arrived.computeIfAbsent(event.path("alertId").asText(), k -> new CopyOnWriteArrayList<>())
                        .add(event.path("seq").asInt());
                perEvent.computeIfAbsent(x.getRequestHeaders().getFirst("Idempotency-Key"), k -> new AtomicInteger())
                        .incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                open.decrementAndGet();
            }
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        try (EmbeddedKafka kafka = kafka(dir)) {
            List<AlertEvent> flood = new java.util.ArrayList<>();
            for (int a = 0; a < alerts; a++) {
                AlertEvent raised = event("f" + a + "-1", "ent-a", AlertEventType.RAISED, null).withAlertId("alert-f" + a);
                flood.add(raised);
                flood.add(raised.withEventId("f" + a + "-2").withSeq(2).withType(AlertEventType.ACKNOWLEDGED));
                flood.add(raised.withEventId("f" + a + "-3").withSeq(3).withType(AlertEventType.RECOVERED));
            }
            publish(kafka, flood.toArray(AlertEvent[]::new));
            try (Notifier n = new Notifier(NotifierSettings.defaults(kafka.bootstrapServers(), "notifier-test"),
                    List.of(new WebhookChannel("feed", url, WebhookChannel.Format.JSON, null)))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> perEvent.size() == alerts * 3);
                await().atMost(Duration.ofSeconds(10)).until(() -> n.recorded().size() >= alerts * 3);
            }
            assertThat(perEvent.values()).as("each event once").allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
            assertThat(arrived).hasSize(alerts);
            assertThat(arrived.values()).as("each alert's events in order").allSatisfy(seqs ->
                    assertThat(seqs).containsExactly(1, 2, 3));
            assertThat(mostOpen.get()).as("requests open at once").isGreaterThan(1)
                    .isLessThanOrEqualTo(WebhookChannel.JSON_LANES);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void dingTalkAndWeComRobotsGetTheirOwnFormat() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robot.createContext("/", x -> {
            bodies.add(read(x.getRequestBody()));
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, ok.length);
            x.getResponseBody().write(ok);
            x.close();
        });
        robot.start();
        String base = "http://127.0.0.1:" + robot.getAddress().getPort();
        try {
            AlertEvent e = event("e3", "ent-a", AlertEventType.RAISED, null);
            new WebhookChannel("ding", base + "/ding", WebhookChannel.Format.DINGTALK, null).deliver(e);
            new WebhookChannel("wecom", base + "/wecom", WebhookChannel.Format.WECOM, null).deliver(e);
            // Chinese for the park's people, times in the park's time zone
            assertThat(bodies.get(0)).contains("\"msgtype\":\"markdown\"", "\"title\":\"【ParkWatch】一级报警 新报警 GT-ent-a\"",
                    "- 企业：ent-a，装置 T-1", "（Asia/Shanghai）");
            assertThat(bodies.get(1)).contains("\"msgtype\":\"markdown\"", "\"content\":\"### 【ParkWatch】一级报警 新报警");
            new WebhookChannel("ding", base + "/ding", WebhookChannel.Format.DINGTALK, null,
                    new NotificationText(Catalogue.english(), ZoneId.of("Asia/Shanghai"))).deliver(e);
            assertThat(bodies.get(2)).contains("\"title\":\"[ParkWatch] alarm raised GT-ent-a\"", "- enterprise: ent-a, unit T-1");
        } finally {
            robot.stop(0);
        }
    }

    @Test
    void smsAndVoiceGoToThePersonAnEscalationNotifies() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/", x -> {
            bodies.add(read(x.getRequestBody()));
            x.sendResponseHeaders(202, -1);
            x.close();
        });
        provider.start();
        try {
            String base = "http://127.0.0.1:" + provider.getAddress().getPort();
            AlertEvent esc = event("e4", "ent-a", AlertEventType.ESCALATED, "Li Na (technical responsible person, +86 138 0000 0102)");
            SmsChannel sms = new SmsChannel("sms", base + "/sms", false);
            assertThat(sms.accepts(esc)).isTrue();
            assertThat(sms.accepts(event("e5", "ent-a", AlertEventType.RAISED, null))).isFalse();
            sms.deliver(esc);
            new SmsChannel("voice", base + "/voice", true).deliver(esc);
            assertThat(bodies.get(0)).contains("\"to\":\"+86 138 0000 0102\"", "\"kind\":\"sms\"", "\"idempotencyKey\":\"e4\"");
            assertThat(bodies.get(1)).contains("\"kind\":\"voice\"");
        } finally {
            provider.stop(0);
        }
    }

    @Test
    void aDeliveryThatNeverSucceedsIsRecordedAsGivenUp() throws Exception {
        try (EmbeddedKafka kafka = kafka(dir)) {
            publish(kafka, event("e6", "ent-a", AlertEventType.RAISED, null));
            try (Notifier n = new Notifier(NotifierSettings.defaults(kafka.bootstrapServers(), "gave-up-test").withMaxAttempts(3).withBackoff(Duration.ofMillis(20)),
                    List.of(new WebhookChannel("dead", "http://127.0.0.1:9/none", WebhookChannel.Format.JSON, null)))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> n.recorded().containsKey("dead|e6"));
                assertThat(n.recorded().get("dead|e6").status()).isEqualTo(DeliveryRecord.GAVE_UP);
                assertThat(n.recorded().get("dead|e6").attempts()).isEqualTo(3);
            }
        }
    }

    @Test
    void aWebhookThatNeverAnswersDelaysNoOtherChannelAndIsReportedAsFailing() throws Exception {
        // accepts connections and reads nothing, answers nothing: a receiver behind a hung proxy
        java.net.ServerSocket blackHole = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        List<java.net.Socket> held = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            while (!blackHole.isClosed()) {
                try {
                    held.add(blackHole.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.start();
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", x -> {
            read(x.getRequestBody());
            String key = x.getRequestHeaders().getFirst("Idempotency-Key");
            arrived.putIfAbsent(x.getRequestURI().getPath() + "|" + key, System.currentTimeMillis());
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        receiver.start();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        try (EmbeddedKafka kafka = kafka(dir)) {
            NotifierSettings settings = NotifierSettings.defaults(kafka.bootstrapServers(), "isolation-test")
                    .withMaxAttempts(8).withBackoff(Duration.ofMillis(200)).withAttemptTimeout(Duration.ofSeconds(3))
                    .withFailingAlarmAfter(Duration.ofSeconds(2));
            try (Notifier n = new Notifier(settings, List.of(
                    new WebhookChannel("hung", "http://127.0.0.1:" + blackHole.getLocalPort() + "/hook",
                            WebhookChannel.Format.JSON, null),
                    new WebhookChannel("duty-room", base + "/hook", WebhookChannel.Format.JSON, null),
                    new SmsChannel("sms", base + "/sms", false)))) {
                // the channels' consumers join their groups first (a new group waits for the coordinator); the
                // hung channel takes this event and hangs on it from here on
                publish(kafka, event("w0", "ent-a", AlertEventType.RAISED, null));
                await().atMost(Duration.ofSeconds(30)).until(() -> arrived.containsKey("/hook|w0"));
                Map<String, Long> published = new ConcurrentHashMap<>();
                for (int i = 0; i < 5; i++) {
                    AlertEvent raised = event("r" + i, "ent-a", AlertEventType.RAISED, null);
                    AlertEvent escalated = event("s" + i, "ent-a", AlertEventType.ESCALATED,
                            "Li Na (technical responsible person, +86 138 0000 0102)");
                    published.put("/hook|r" + i, System.currentTimeMillis());
                    publish(kafka, raised);
                    published.put("/sms|s" + i, System.currentTimeMillis());
                    publish(kafka, escalated);
                    published.put("/hook|s" + i, published.get("/sms|s" + i));
                    await().atMost(Duration.ofSeconds(5)).until(() -> arrived.keySet().containsAll(
                            published.keySet()));
                }
                long worst = published.entrySet().stream().mapToLong(e -> arrived.get(e.getKey()) - e.getValue()).max()
                        .orElseThrow();
                System.out.println("with a hung channel, the slowest of " + published.size()
                        + " deliveries on the working channels took " + worst + " ms");
                assertThat(worst).isLessThan(1000);
                assertThat(held).isNotEmpty(); // the hung channel really was trying
                await().atMost(Duration.ofSeconds(15)).until(() -> n.health().get(0).failing());
                ChannelHealth hung = n.health().get(0);
                assertThat(hung.channel()).isEqualTo("hung");
                assertThat(hung.queueDepth()).isGreaterThanOrEqualTo(10); // w0 in flight, the ten after it waiting
                assertThat(hung.oldestUndeliveredMs()).isGreaterThan(1000);
                assertThat(hung.lastError()).contains("no answer within 3000 ms");
                assertThat(hung.delivered()).isZero();
                ChannelHealth room = n.health().get(1);
                assertThat(room.failing()).isFalse();
                assertThat(room.delivered()).isEqualTo(11);
                assertThat(room.lastSuccessAt()).isPositive();
                assertThat(n.health().get(2).delivered()).isEqualTo(5);
                // the same on /metrics, for Prometheus
                io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry =
                        new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
                NotifierMetrics.register(registry, n);
                String scrape = registry.scrape();
                assertThat(scrape).contains("parkwatch_notifier_failing{channel=\"hung\"} 1.0",
                        "parkwatch_notifier_failing{channel=\"duty-room\"} 0.0",
                        "parkwatch_notifier_delivered_total{channel=\"duty-room\"} 11.0");
                assertThat(scrape).containsPattern("parkwatch_notifier_queue_depth\\{channel=\"hung\"} 1[01]\\.0");
                assertThat(scrape).containsPattern(
                        "parkwatch_notifier_oldest_undelivered_seconds\\{channel=\"hung\"} [1-9]");
            }
        } finally {
            receiver.stop(0);
            blackHole.close();
            for (java.net.Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aChannelOutlivesKafkaGoingAwayInTheMiddleOfADelivery() throws Exception {
        List<String> arrived = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicReference<EmbeddedKafka> broker = new java.util.concurrent.atomic.AtomicReference<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", x -> {
            read(x.getRequestBody());
            String key = x.getRequestHeaders().getFirst("Idempotency-Key");
            if (arrived.isEmpty()) {
                broker.get().stop(); // Kafka goes away between the delivery and its record
            }
            arrived.add(key);
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        receiver.start();
        try (EmbeddedKafka kafka = kafka(dir)) {
            broker.set(kafka);
            NotifierSettings settings = NotifierSettings.defaults(kafka.bootstrapServers(), "outage-test")
                    .withMaxAttempts(3).withBackoff(Duration.ofMillis(100)).withAttemptTimeout(Duration.ofSeconds(3));
            publish(kafka, event("k1", "ent-a", AlertEventType.RAISED, null));
            try (Notifier n = new Notifier(settings, List.of(new WebhookChannel("room",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", WebhookChannel.Format.JSON, null)))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> String.valueOf(n.health().get(0).lastError())
                        .startsWith("paused"));
                kafka.start(); // back on the same port
                publish(kafka, event("k2", "ent-a", AlertEventType.RAISED, null));
                await().atMost(Duration.ofSeconds(90)).until(() -> arrived.contains("k2"));
                await().atMost(Duration.ofSeconds(30)).until(() -> n.recorded().containsKey("room|k1")
                        && n.recorded().containsKey("room|k2"));
                assertThat(n.recorded().get("room|k1").status()).isEqualTo(DeliveryRecord.DELIVERED);
            }
            // k1 was delivered again after the outage (same idempotency key): at least once, never lost
            assertThat(arrived).contains("k1", "k2");
        } finally {
            receiver.stop(0);
        }
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
