package io.parkwatch.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the job in a Flink MiniCluster inside this JVM (the standalone mode and tests). */
public final class LocalJobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalJobRunner.class);

    private static final String LOOPBACK = "127.0.0.1";

    private final JobClient job;

    private LocalJobRunner(JobClient job) {
        this.job = job;
    }

    /**
     * Starts the job and returns once it is submitted.
     *
     * @param checkpointDir where checkpoints go (survive a restart of the standalone process), or null for memory
     */
    public static LocalJobRunner start(JobSettings settings, int parallelism, Path checkpointDir) throws Exception {
        return start(settings, parallelism, checkpointDir, null);
    }

    /**
     * Starts the job, restoring its state (rule state, open alerts, source offsets, configuration in
     * force) from a retained checkpoint when {@code restoreFrom} is given.
     */
    public static LocalJobRunner start(JobSettings settings, int parallelism, Path checkpointDir, Path restoreFrom)
            throws Exception {
        return start(settings, parallelism, checkpointDir, restoreFrom, KeyedState.HEAP);
    }

    /**
     * Where the job keeps its keyed state (rule state, open alerts): on the heap, or in RocksDB on local disk with
     * incremental checkpoints, for more points than the heap holds (docs in deploy/README.md).
     */
    public enum KeyedState {
        /** Flink's hashmap backend: fastest; every checkpoint writes the whole state. */
        HEAP("hashmap"),
        /** Flink's RocksDB backend with incremental checkpoints: state on disk, a checkpoint writes what changed. */
        ROCKSDB("rocksdb");

        private final String flinkName;

        KeyedState(String flinkName) {
            this.flinkName = flinkName;
        }

        /** By Flink's name for it ({@code state.backend.type}): hashmap or rocksdb. */
        public static KeyedState named(String name) {
            for (KeyedState k : values()) {
                if (k.flinkName.equals(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("must be hashmap or rocksdb, got '" + name + "'");
        }
    }

    /** Starts the job with its keyed state where {@code state} says. */
    public static LocalJobRunner start(JobSettings settings, int parallelism, Path checkpointDir, Path restoreFrom,
            KeyedState state) throws Exception {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, state.flinkName);
        // the heap's snapshots in compressed blocks: read back uncompressed, a snapshot goes through an unbuffered file
        // stream, a system call per field; a million points took 113 s to restore, 3.6 s compressed (BENCHMARKS.md 17).
        // Checkpoints written without it (an earlier version's data/) say so and restore as they are
        conf.set(ExecutionOptions.SNAPSHOT_COMPRESSION, true);
        if (state == KeyedState.ROCKSDB) {
            conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
            if (checkpointDir != null) { // its working files beside the checkpoints (data/), not in /tmp
                conf.set(RocksDBOptions.LOCAL_DIRECTORIES, checkpointDir.toAbsolutePath().resolveSibling("rocksdb")
                        .toString());
            }
        }
        if (checkpointDir != null) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir.toAbsolutePath().toUri().toString());
            // kept when the job is stopped, so the next start continues where this one left off
            conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
            conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
        }
        if (restoreFrom != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom.toAbsolutePath().toUri().toString());
            conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
            LOG.info("restoring the job's state from {}", restoreFrom);
        }
        conf.set(RestOptions.BIND_PORT, "0"); // no fixed web UI port to collide with
        // Nothing of the embedded Flink is reachable from the network: its REST API can cancel the rules job
        // and has no authentication. Every listener (REST, RPC, blob server, data exchange) on loopback.
        conf.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        conf.set(RestOptions.ADDRESS, LOOPBACK);
        conf.set(JobManagerOptions.BIND_HOST, LOOPBACK);
        conf.set(JobManagerOptions.ADDRESS, LOOPBACK);
        conf.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
        conf.set(TaskManagerOptions.HOST, LOOPBACK);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        ParkWatchJob.define(env, settings);
        JobClient client = env.executeAsync(ParkWatchJob.NAME);
        LOG.info("Flink job {} submitted to the local MiniCluster (parallelism {})", client.getJobID(), parallelism);
        return new LocalJobRunner(client);
    }

    /** The newest completed checkpoint under {@code checkpointDir} (any job), if there is one. */
    public static Optional<Path> latestCheckpoint(Path checkpointDir) throws IOException {
        if (checkpointDir == null || !Files.isDirectory(checkpointDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.find(checkpointDir, 3, (p, a) -> p.getFileName().toString().equals("_metadata")
                && p.getParent().getFileName().toString().startsWith("chk-"))) {
            return files.max(Comparator.comparing(p -> p.toFile().lastModified())).map(Path::getParent);
        }
    }

    public JobClient client() {
        return job;
    }

    @Override
    public void close() {
        try {
            job.cancel().get(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            LOG.info("Flink job cancelled");
        } catch (Exception e) {
            LOG.warn("Flink job did not cancel cleanly: {}", e.toString());
        }
    }
}
