package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.platform.kafka.TopicSpec;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import java.io.DataInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.memory.DataInputViewStreamWrapper;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.state.KeyGroupsStateHandle;
import org.apache.flink.runtime.state.KeyedBackendSerializationProxy;
import org.apache.flink.runtime.state.KeyedStateHandle;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stop the job in the middle of an incident, restore it from its checkpoint, finish the incident. */
class CheckpointRestoreJobIT {

    static final String POINT = "HX-T101-GT1";

    @TempDir
    Path dir;

    @Test
    void afterARestoreNoAlertIsRaisedTwiceAndNoneIsLost() throws Exception {
        Path restored = leakAcrossARestore(LocalJobRunner.KeyedState.HEAP, LocalJobRunner.KeyedState.HEAP);
        // written compressed: an uncompressed heap snapshot is read back a field at a time (BENCHMARKS.md 17)
        assertThat(keyedStateCompressed(restored)).isTrue();
    }

    /** The same on RocksDB with incremental checkpoints (the option for a province's points). */
    @Test
    void onRocksDbWithIncrementalCheckpointsToo() throws Exception {
        leakAcrossARestore(LocalJobRunner.KeyedState.ROCKSDB, LocalJobRunner.KeyedState.ROCKSDB);
        // its working files beside the checkpoints, and checkpoints that share files: incremental
        assertThat(dir.resolve("rocksdb")).isDirectory();
        try (var shared = Files.walk(dir.resolve("checkpoints"))) {
            assertThat(shared.filter(p -> p.getParent() != null && p.getParent().getFileName().toString()
                    .equals("shared") && Files.isRegularFile(p)).count()).isPositive();
        }
    }

    /** @return the checkpoint the second job restored */
    Path leakAcrossARestore(LocalJobRunner.KeyedState before, LocalJobRunner.KeyedState after) throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start();
                TopicRecorder events = recorder(kafka);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                        new ByteArraySerializer())) {
            JobSettings settings = JobSettings.builder().kafkaBootstrap(kafka.bootstrapServers())
                    .consumerGroup("restore-test")
                    .config(new ParkConfig(Files.readString(Path.of("../config/points.yaml")), Files.readString(Path.of("../config/rules.yaml")), null))
                    .checkpointInterval(Duration.ofMillis(500)).outOfOrderness(Duration.ofSeconds(5))
                    .idleness(Duration.ofSeconds(10)).build();
            long t0 = System.currentTimeMillis() - 600_000;

            // first half of the leak: raised, then critical
            LocalJobRunner first = LocalJobRunner.start(settings, 1, checkpoints, null, before);
            send(producer, t0, 0, new double[] {2, 8, 27, 31, 38, 52, 58, 61});
            await().atMost(Duration.ofSeconds(60)).until(() -> distinct(events).size() >= 2);
            // let a checkpoint complete after those readings, then stop the job as an operator would
            int seen = checkpointCount(checkpoints);
            await().atMost(Duration.ofSeconds(30)).until(() -> checkpointCount(checkpoints) > seen + 1);
            first.close();
            Optional<Path> latest = LocalJobRunner.latestCheckpoint(checkpoints);
            assertThat(latest).isPresent();

            // while it is down, the leak goes on and then falls back
            send(producer, t0, 8, new double[] {63, 57, 40, 24, 21, 12, 5});

            try (LocalJobRunner second = LocalJobRunner.start(settings, 1, checkpoints, latest.get(), after)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> distinct(events).size() >= 3);
                List<AlertEvent> e = distinct(events);
                assertThat(e).extracting(AlertEvent::type, AlertEvent::level).containsExactly(
                        tuple(AlertEventType.RAISED, Level.ALARM),
                        tuple(AlertEventType.LEVEL_CHANGED, Level.CRITICAL),
                        tuple(AlertEventType.RECOVERED, Level.CRITICAL));
                assertThat(e).extracting(AlertEvent::alertId).containsOnly(e.get(0).alertId());
                // the restored job knew the alert was open: recovery was decided on the restored state,
                // and its peak includes the 61 seen before the stop
                assertThat(e.get(2).value()).isEqualTo(21.0);
            }
            return latest.get();
        }
    }

    /** Whether the checkpoint has keyed state and all of it was written in compressed key groups. */
    static boolean keyedStateCompressed(Path checkpoint) throws Exception {
        ClassLoader loader = CheckpointRestoreJobIT.class.getClassLoader();
        CheckpointMetadata metadata;
        try (DataInputStream in = new DataInputStream(Files.newInputStream(checkpoint.resolve("_metadata")))) {
            metadata = Checkpoints.loadCheckpointMetadata(in, loader, checkpoint.toUri().toString());
        }
        int handles = 0;
        for (OperatorState operator : metadata.getOperatorStates()) {
            for (OperatorSubtaskState subtask : operator.getStates()) {
                for (KeyedStateHandle handle : subtask.getManagedKeyedState()) {
                    try (FSDataInputStream in = ((KeyGroupsStateHandle) handle).openInputStream()) {
                        KeyedBackendSerializationProxy<?> header = new KeyedBackendSerializationProxy<>(loader);
                        header.read(new DataInputViewStreamWrapper(in));
                        if (!header.isUsingKeyGroupCompression()) {
                            return false;
                        }
                        handles++;
                    }
                }
            }
        }
        return handles > 0;
    }

    static TopicRecorder recorder(EmbeddedKafka kafka) {
        kafka.createTopics(Topics.ALL.stream().map(t -> new TopicSpec(t, Topics.partitions(t, 2), Topics.isCompacted(t))).toList());
        return new TopicRecorder(kafka.bootstrapServers(), Topics.ALERT_EVENTS);
    }

    static void send(KafkaProducer<String, byte[]> p, long t0, int from, double[] values) throws Exception {
        for (int i = 0; i < values.length; i++) {
            Reading r = new Reading(POINT, "ent-huaxin", t0 + (from + i) * 1000L, values[i], Quality.N, System.currentTimeMillis());
            p.send(new ProducerRecord<>(Topics.READINGS, POINT, ReadingJson.write(r))).get(10, TimeUnit.SECONDS);
        }
    }

    /** The number of the newest checkpoint taken so far (chk-N). */
    static int checkpointCount(Path dir) throws Exception {
        return Files.isDirectory(dir) ? highest(dir) : 0;
    }

    static int highest(Path dir) throws Exception {
        try (var s = Files.find(dir, 2, (p, a) -> p.getFileName().toString().startsWith("chk-"))) {
            return s.mapToInt(p -> Integer.parseInt(p.getFileName().toString().substring(4))).max().orElse(0);
        }
    }

    /** The gas threshold events of the leaking detector, once per id (same filter as the leak test). */
    static List<AlertEvent> distinct(TopicRecorder r) {
        return ParkWatchJobIT.distinct(r);
    }
}
