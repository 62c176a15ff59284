package io.parkwatch.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.platform.kafka.TopicSpec;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder against a real Kafka and a real store speaking the v2 write API (QuestDB): what arrives while the
 * store is down waits in Kafka, not in memory, and is all written once the store is back; a recorder stopped and
 * started again continues where it left off; an unreadable record is skipped, never a stop.
 */
class RecorderIT {

    static final String POINT = "HX-T101-GT1";

    @TempDir
    Path dir;

    @Test
    void whatArrivesWhileTheStoreIsDownWaitsInKafkaAndIsAllWrittenOnceItIsBack() throws Exception {
        PointRegistry registry = PointRegistryFile.parse(YamlSource.parse("points.yaml",
                Files.readString(Path.of("../config/points.yaml"))));
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start();
                EmbeddedQuestDb questdb = new EmbeddedQuestDb(dir.resolve("questdb"));
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringSerializer(), new ByteArraySerializer())) {
            kafka.createTopics(Topics.ALL.stream().map(t -> new TopicSpec(t, Topics.partitions(t, 2),
                    Topics.isCompacted(t))).toList());
            InfluxSettings influx = new InfluxSettings(questdb.url(), "t", "park", "parkwatch", 500,
                    Duration.ofMillis(200), true);
            long t0 = System.currentTimeMillis() - 3_600_000;
            int readings = 20_000;

            InfluxRecorder first = InfluxRecorder.start(kafka.bootstrapServers(), "recorder-it", influx, () -> registry);
            // the store is down: 20,000 readings and 3 alert events arrive, and a record nobody can read
            for (int i = 0; i < readings; i++) {
                Reading r = new Reading(POINT, "ent-huaxin", t0 + i * 10L, i % 60, Quality.N, t0 + i * 10L);
                producer.send(new ProducerRecord<>(Topics.READINGS, POINT, ReadingJson.write(r)));
            }
            producer.send(new ProducerRecord<>(Topics.ALERT_EVENTS, "x", "{not json".getBytes(StandardCharsets.UTF_8)));
            List<AlertEvent> events = new ArrayList<>();
            for (AlertEventType type : List.of(AlertEventType.RAISED, AlertEventType.LEVEL_CHANGED,
                    AlertEventType.RECOVERED)) {
                AlertEvent e = AlertEvent.builder().eventId("ev-" + type).alertId("alert-1").seq(events.size() + 1)
                        .type(type).ruleId("combustible-gas").pointId(POINT).enterpriseId("ent-huaxin")
                        .level(Level.ALARM).value(30).limit(25).message("gas").eventTime(t0 + events.size() * 1000L)
                        .build();
                events.add(e);
                producer.send(new ProducerRecord<>(Topics.ALERT_EVENTS, e.alertId(), WireJson.write(e)));
            }
            producer.flush();
            // it reads until it holds a batch, then reads no further: memory bounded, the rest stays in Kafka
            await().atMost(Duration.ofSeconds(30)).until(first::holding);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> first.held() <= 2 * influx.batchSize());
            assertThat(first.written()).isZero();

            questdb.start();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> assertThat(count(questdb,
                    "SELECT count() n FROM reading WHERE point = '" + POINT + "'")).isEqualTo(readings));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(questdb.query(
                    "SELECT type, event_id FROM alert_event ORDER BY timestamp"))
                    .extracting(r -> r.get("type") + "/" + r.get("event_id"))
                    .containsExactly("RAISED/ev-RAISED", "LEVEL_CHANGED/ev-LEVEL_CHANGED", "RECOVERED/ev-RECOVERED"));
            // a reading as its point is known: tagged with kind and tank
            assertThat(count(questdb, "SELECT count() n FROM reading WHERE kind = 'gas_lel' AND tank = 'T-101' AND value = 59.0"))
                    .isEqualTo(readings / 60);
            assertThat(first.skipped()).as("the unreadable record").isEqualTo(1);
            first.close();

            // stopped and started again: it continues after what it wrote, nothing twice
            for (int i = 0; i < 1000; i++) {
                Reading r = new Reading(POINT, "ent-huaxin", t0 + 1_000_000 + i, 1, Quality.N, t0);
                producer.send(new ProducerRecord<>(Topics.READINGS, POINT, ReadingJson.write(r)));
            }
            producer.flush();
            try (InfluxRecorder second = InfluxRecorder.start(kafka.bootstrapServers(), "recorder-it", influx,
                    () -> registry)) {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> assertThat(count(questdb,
                        "SELECT count() n FROM reading")).isEqualTo(readings + 1000));
                assertThat(second.written()).isEqualTo(1000);
            }
        }
    }

    static long count(EmbeddedQuestDb db, String sql) {
        return ((Number) db.query(sql).get(0).get("n")).longValue();
    }
}
