package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.rules.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointBackendTest {

    @TempDir
    Path data;

    final Settings settings = Settings.load(Path.of("../config/parkwatch.yaml"), Map.of());

    @Test
    void checkpointsOfOneBackendAreNotResumedOnTheOtherAndTheRefusalSaysWhatToDo() throws Exception {
        Path checkpoints = data.resolve("checkpoints");
        Path chk = Files.createDirectories(checkpoints.resolve("job/chk-7"));
        CheckpointBackend.record(checkpoints, "rocksdb");
        assertThatThrownBy(() -> CheckpointBackend.check(checkpoints, chk, "hashmap", settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("job.state-backend")
                .hasMessageContaining("written by rocksdb, which hashmap cannot read")
                .hasMessageContaining("set it back to rocksdb, or move " + checkpoints + " away");
        assertThatCode(() -> CheckpointBackend.check(checkpoints, chk, "rocksdb", settings)).doesNotThrowAnyException();
        assertThatCode(() -> CheckpointBackend.check(checkpoints, null, "hashmap", settings))
                .doesNotThrowAnyException(); // nothing to resume
    }

    @Test
    void checkpointsOfEarlierVersionsAreTheHeaps() throws Exception {
        Path checkpoints = data.resolve("checkpoints");
        Path chk = Files.createDirectories(checkpoints.resolve("job/chk-3"));
        assertThatCode(() -> CheckpointBackend.check(checkpoints, chk, "hashmap", settings)).doesNotThrowAnyException();
        assertThatThrownBy(() -> CheckpointBackend.check(checkpoints, chk, "rocksdb", settings))
                .hasMessageContaining("written by hashmap, which rocksdb cannot read");
    }

    /** The file is read no further than a name could go: a large or foreign file is refused, not loaded. */
    @Test
    void aNoteThatNamesNoBackendIsRefusedWithoutReadingItAll() throws Exception {
        Path checkpoints = data.resolve("checkpoints");
        Path chk = Files.createDirectories(checkpoints.resolve("job/chk-3"));
        Files.writeString(checkpoints.resolve(CheckpointBackend.FILE), "rocksdb" + "x".repeat(5_000_000));
        assertThatThrownBy(() -> CheckpointBackend.check(checkpoints, chk, "rocksdb", settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("names no state backend this version knows (hashmap or rocksdb)")
                .message().hasSizeLessThan(1_000);
        Files.writeString(checkpoints.resolve(CheckpointBackend.FILE), "rocksdb\r\n");
        assertThatCode(() -> CheckpointBackend.check(checkpoints, chk, "rocksdb", settings)).doesNotThrowAnyException();
    }

    @Test
    void anUnknownBackendIsRefusedWithItsField() {
        assertThatThrownBy(() -> settings.with("job.state-backend", "leveldb")
                .oneOf("job.state-backend", "hashmap", "hashmap", "rocksdb"))
                .hasMessageContaining("job.state-backend").hasMessageContaining("must be one of hashmap, rocksdb, got 'leveldb'");
    }
}
