package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.platform.kafka.TopicSpec;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertState;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.RejectReason;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.RejectedReading;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.Point;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParkWatchJobIT {

    static final String POINT = "HX-T101-GT1";
    static final double[] LEAK = {2, 3, 2, 8, 18, 27, 31, 38, 46, 52, 58, 61, 63, 57, 48, 36, 24, 22, 15, 6, 3, 2};

    @TempDir
    Path dir;

    @Test
    void leakGivesRaisedLevelChangedRecoveredAndLateReadingsAreRefusedWithTheirReason() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
            kafka.createTopics(Topics.ALL.stream().map(t -> new TopicSpec(t, Topics.partitions(t, 2), Topics.isCompacted(t))).toList());
            JobSettings settings = JobSettings.builder().kafkaBootstrap(kafka.bootstrapServers())
                    .consumerGroup("parkwatch-job-test")
                    .config(new ParkConfig(Files.readString(Path.of("../config/points.yaml")), Files.readString(Path.of("../config/rules.yaml")), null))
                    .checkpointInterval(Duration.ofSeconds(2)).outOfOrderness(Duration.ofSeconds(5))
                    .idleness(Duration.ofSeconds(10)).build();

            try (LocalJobRunner job = LocalJobRunner.start(settings, 1, dir.resolve("checkpoints"));
                    TopicRecorder events = new TopicRecorder(kafka.bootstrapServers(), Topics.ALERT_EVENTS);
                    TopicRecorder alerts = new TopicRecorder(kafka.bootstrapServers(), Topics.ALERTS);
                    TopicRecorder rejected = new TopicRecorder(kafka.bootstrapServers(), Topics.READINGS_REJECTED);
                    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                            new StringSerializer(), new ByteArraySerializer())) {
                long t0 = System.currentTimeMillis() - 120_000;
                PointRegistry registry = PointRegistryFile.parse(YamlSource.parse("points.yaml", settings.config().pointsYaml()));
                for (int i = 0; i < LEAK.length; i++) {
                    // the whole park reports, as it does live (this also moves the watermark on every partition)
                    for (Point p : registry.points()) {
                        double v = p.id().equals(POINT) ? LEAK[i] : p.rangeLow() + p.span() * (p.kind().isGas() ? 0.02 : 0.3);
                        Reading r = new Reading(p.id(), p.enterpriseId(), t0 + i * 1000L, v, Quality.N, System.currentTimeMillis());
                        producer.send(new ProducerRecord<>(Topics.READINGS, p.id(), ReadingJson.write(r)));
                    }
                }
                producer.flush();

                await().atMost(Duration.ofSeconds(60)).until(() -> distinct(events).size() >= 3);
                List<AlertEvent> seen = distinct(events);
                // the demo catalog also watches rates, trends and silence; this test is about the gas threshold
                assertThat(seen).extracting(AlertEvent::type, AlertEvent::level).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertEventType.RAISED, Level.ALARM),
                        org.assertj.core.groups.Tuple.tuple(AlertEventType.LEVEL_CHANGED, Level.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple(AlertEventType.RECOVERED, Level.CRITICAL));
                assertThat(events.records().stream().map(r -> WireJson.alertEvent(r.value()))
                        .filter(e -> e.ruleId().equals("combustible-gas")).count())
                        .isEqualTo(3); // once each: no duplicates in a run without failures
                // 27 at t0+5s starts the 2 s on-delay: raised on the reading at t0+7s.
                assertThat(seen.get(0).eventTime()).isEqualTo(t0 + 7000);
                assertThat(seen.get(1).eventTime()).isEqualTo(t0 + 11_000);
                assertThat(seen.get(2).eventTime()).isEqualTo(t0 + 17_000); // 22 < 25 - 2
                String alertId = seen.get(0).alertId();
                assertThat(seen).extracting(AlertEvent::alertId).containsOnly(alertId);

                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    Alert last = latestAlerts(alerts).get(alertId);
                    assertThat(last).isNotNull();
                    assertThat(last.state()).isEqualTo(AlertState.RECOVERED);
                    assertThat(last.level()).isEqualTo(Level.CRITICAL);
                    assertThat(last.peakValue()).isEqualTo(63.0);
                });

                // A reading far behind the watermark is late: it goes to the rejected topic, with its reason.
                // (Watermarks advance on a timer, so it is sent until the job has judged one late; any sent
                // before that are older than what the rule has seen and cannot drive it either.)
                AtomicInteger lateSent = new AtomicInteger();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    Reading late = new Reading(POINT, "ent-huaxin", t0 - 60_000 - lateSent.incrementAndGet(), 99,
                            Quality.N, System.currentTimeMillis());
                    producer.send(new ProducerRecord<>(Topics.READINGS, POINT, ReadingJson.write(late))).get(10, TimeUnit.SECONDS);
                    return rejected.records().stream().map(r -> WireJson.read(r.value(), RejectedReading.class))
                            .anyMatch(r -> r.reason() == RejectReason.LATE && POINT.equals(r.pointId())
                                    && r.raw().contains("\"v\":99.0"));
                });
                assertThat(distinct(events)).hasSize(3); // and it raised nothing
            }
        }
    }

    static List<AlertEvent> distinct(TopicRecorder r) {
        Map<String, AlertEvent> byId = new LinkedHashMap<>();
        r.records().forEach(rec -> {
            AlertEvent e = WireJson.alertEvent(rec.value());
            if (e.ruleId().equals("combustible-gas") && e.pointId().equals(POINT)) {
                byId.putIfAbsent(e.eventId(), e);
            }
        });
        return List.copyOf(byId.values());
    }

    static Map<String, Alert> latestAlerts(TopicRecorder r) {
        Map<String, Alert> m = new LinkedHashMap<>();
        r.records().forEach(rec -> m.put(rec.key(), WireJson.alert(rec.value())));
        return m;
    }
}
