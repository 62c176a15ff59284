package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.platform.kafka.TopicSpec;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A park that falls silent for longer than the readings' idleness (a quiet spell, a gateway restart,
 * devices not yet connected) must be judged normally when it reports again: found by a load run, where
 * after a silence every reading went to the rejected topic as LATE (the watermark had jumped to the
 * end of time, taken from the configuration stream) and no alert was ever raised again.
 */
class SilenceJobIT {

    @TempDir
    Path dir;

    @Test
    void readingsAfterASilenceLongerThanTheIdlenessAreEvaluatedNotLate() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
            kafka.createTopics(Topics.ALL.stream().map(t -> new TopicSpec(t, Topics.partitions(t, 2), Topics.isCompacted(t)))
                    .toList());
            ParkConfig config = new ParkConfig(Files.readString(Path.of("../config/points.yaml")),
                    Files.readString(Path.of("../config/rules.yaml")), null);
            JobSettings settings = JobSettings.builder().kafkaBootstrap(kafka.bootstrapServers())
                    .consumerGroup("silence-test").config(config).checkpointInterval(Duration.ofSeconds(2))
                    .outOfOrderness(Duration.ofSeconds(5)).idleness(Duration.ofSeconds(1))
                    .build();
            PointRegistry park = PointRegistryFile.parse(YamlSource.parse("points.yaml", config.pointsYaml()));
            try (LocalJobRunner job = LocalJobRunner.start(settings, 1, dir.resolve("checkpoints"));
                    TopicRecorder events = new TopicRecorder(kafka.bootstrapServers(), Topics.ALERT_EVENTS);
                    TopicRecorder rejected = new TopicRecorder(kafka.bootstrapServers(), Topics.READINGS_REJECTED);
                    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                            new StringSerializer(), new ByteArraySerializer())) {
                long t0 = System.currentTimeMillis();
                for (int s = 0; s < 3; s++) {
                    report(producer, park, t0 + s * 1000L, 1.0);
                }
                producer.flush();
                // silent for four times the idleness: nothing may be judged late meanwhile
                await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8)).until(() -> rejected.records().isEmpty());

                // the park reports again, with a gas reading above level 1 for longer than the on-delay
                long t1 = System.currentTimeMillis();
                for (int s = 0; s < 6; s++) {
                    report(producer, park, t1 + s * 1000L, 30.0);
                }
                producer.flush();
                await().atMost(Duration.ofSeconds(60)).until(() -> events.records().stream()
                        .map(r -> WireJson.alertEvent(r.value()))
                        .anyMatch(e -> e.type() == AlertEventType.RAISED && e.ruleId().equals("combustible-gas")
                                && e.pointId().equals(ParkWatchJobIT.POINT) && e.eventTime() >= t1));
                assertThat(rejected.records()).as("readings after the silence judged late").isEmpty();
            }
        }
    }

    private static void report(KafkaProducer<String, byte[]> producer, PointRegistry park, long ts, double gas) {
        for (Point p : park.points()) {
            double v = p.id().equals(ParkWatchJobIT.POINT) ? gas : p.rangeLow() + p.span() * (p.kind().isGas() ? 0.02 : 0.3);
            producer.send(new ProducerRecord<>(Topics.READINGS, p.id(), ReadingJson.write(new Reading(p.id(), p.enterpriseId(), ts,
                    v, Quality.N, System.currentTimeMillis()))));
        }
    }
}
