package io.parkwatch.console.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.parkwatch.kafka.EmbeddedKafka;
import io.parkwatch.kafka.TopicSpec;
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

class NotifierTest {

    @TempDir
    Path dir;

    static AlertEvent event(String id, String enterprise, AlertEventType type, String note) {
        return new AlertEvent(id, "alert-" + id, 1, type, "combustible-gas", "GT-" + enterprise, enterprise,
                PointKind.GAS_LEL, "%LEL", Direction.HIGH, Level.ALARM, null, 30, 25, 1_795_400_000_000L, 0, 0, "T-1",
                "Z1", "T-1 gas detector: 30 %LEL, at or above the alarm limit 25 %LEL", AlertCategory.PROCESS, null,
                type == AlertEventType.ESCALATED ? "escalation" : null, note);
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
            try (Notifier n = new Notifier(kafka.bootstrapServers(), "notifier-test",
                    List.of(new WebhookChannel("park-hook", url, WebhookChannel.Format.JSON, null)), 5, Duration.ofMillis(50))) {
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
            try (Notifier n = new Notifier(kafka.bootstrapServers(), "notifier-test",
                    List.of(new WebhookChannel("park-hook", url, WebhookChannel.Format.JSON, null)), 5, Duration.ofMillis(50))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> accepted.containsKey("e2"));
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> calls.get() == 4);
            }
            assertThat(accepted.get("e1").get()).isEqualTo(1);
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
            assertThat(bodies.get(0)).contains("\"msgtype\":\"markdown\"", "\"title\":\"[ParkWatch] ALARM RAISED GT-ent-a\"");
            assertThat(bodies.get(1)).contains("\"msgtype\":\"markdown\"", "\"content\":\"### [ParkWatch] ALARM RAISED");
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
            try (Notifier n = new Notifier(kafka.bootstrapServers(), "gave-up-test",
                    List.of(new WebhookChannel("dead", "http://127.0.0.1:9/none", WebhookChannel.Format.JSON, null)), 3,
                    Duration.ofMillis(20))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> n.recorded().containsKey("dead|e6"));
                assertThat(n.recorded().get("dead|e6").status()).isEqualTo(DeliveryRecord.GAVE_UP);
                assertThat(n.recorded().get("dead|e6").attempts()).isEqualTo(3);
            }
        }
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
