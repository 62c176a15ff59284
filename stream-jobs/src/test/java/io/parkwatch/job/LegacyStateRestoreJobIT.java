package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.text.Catalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A park upgrading from the one-class rule state: the job restores a checkpoint taken by that version in the
 * middle of a leak (resources {@code legacy-state/}) and finishes the leak on the alert that was open, instead of
 * forgetting it and raising a second one.
 */
class LegacyStateRestoreJobIT {

    static final long T0 = 1_795_500_000_000L;

    @TempDir
    Path dir;

    @Test
    void anOpenAlertInAnOldVersionsCheckpointRecoversAfterTheUpgrade() throws Exception {
        Path fixture = Path.of("src/test/resources/legacy-state");
        Path checkpoint = copy(fixture.resolve("chk"), dir.resolve("old-chk"));
        String openAlert = Files.readString(fixture.resolve("alert-id.txt")).trim();
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start();
                TopicRecorder events = CheckpointRestoreJobIT.recorder(kafka);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                        new ByteArraySerializer())) {
            // the readings the old version had taken, so that the restored offsets point where they did
            CheckpointRestoreJobIT.send(producer, T0, 0, new double[] {2, 8, 27, 31, 38, 52, 58, 61});
            // then the rest of the leak, which only the upgraded job sees
            CheckpointRestoreJobIT.send(producer, T0, 8, new double[] {63, 57, 40, 24, 21, 12, 5});
            JobSettings settings = JobSettings.builder().kafkaBootstrap(kafka.bootstrapServers())
                    .consumerGroup("restore-test")
                    .config(new ParkConfig(Files.readString(Path.of("../config/points.yaml")),
                            Files.readString(Path.of("../config/rules.yaml")), null))
                    .checkpointInterval(Duration.ofMillis(500)).outOfOrderness(Duration.ofSeconds(5))
                    .idleness(Duration.ofSeconds(10)).writeReadings(false).build();
            try (LocalJobRunner upgraded = LocalJobRunner.start(settings, 1, dir.resolve("checkpoints"), checkpoint)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> !CheckpointRestoreJobIT.distinct(events).isEmpty());
                List<AlertEvent> e = CheckpointRestoreJobIT.distinct(events);
                // recovered, on the alert the old version had open, with the peak it had seen: nothing raised anew
                assertThat(e).extracting(AlertEvent::type, AlertEvent::level, AlertEvent::alertId)
                        .containsExactly(tuple(AlertEventType.RECOVERED, Level.CRITICAL, openAlert));
                assertThat(e.get(0).value()).isEqualTo(21.0);
                // and it reads in Chinese, like any alert of the new version
                assertThat(Catalogue.chinese().render(e.get(0).text())).endsWith("恢复至 21 %LEL，已脱离限值 25 %LEL（回差 2 %LEL）");
            }
        }
    }

    static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
