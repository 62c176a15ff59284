package io.parkwatch.bench;

import io.parkwatch.job.ConfigState;
import io.parkwatch.job.ParkConfig;
import io.parkwatch.job.PointRulesFunction;

import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ConfigDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.util.FileUtils;

/**
 * Issue 20, target 3 (bench/checkpoint-size.sh): the checkpoints of the job's per-point function for N points on
 * the heap or in RocksDB with incremental checkpoints, in Flink's operator test harness with file checkpoint
 * storage. Each point (a gas detector under the demo gas rules) gets one reading per 2.5 s bucket for 3 minutes,
 * so its history is full; then a checkpoint (its size and how long it took), 10 s more readings, a second
 * checkpoint (what it added: all of it on the heap, the changed files in RocksDB), and a restore of the first
 * into a fresh operator (how long the whole state takes to come back; an incremental checkpoint's reused files are
 * placeholders only a checkpoint coordinator resolves). Not a test: a main, run by the script.
 */
public final class CheckpointFootprint {

    private CheckpointFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        boolean rocksdb = args[1].equals("rocksdb");
        Path dir = Files.createTempDirectory("parkwatch-checkpoint-footprint");
        try {
            measure(n, rocksdb, dir);
        } finally {
            FileUtils.deleteDirectory(dir.toFile()); // a million points leave a gigabyte of checkpoints
        }
    }

    static void measure(int n, boolean rocksdb, Path dir) throws Exception {
        ParkConfig config = config(n);
        OperatorSubtaskState first;
        long t0 = 1_767_225_600_000L;
        try (var h = harness(config, rocksdb, dir)) {
            h.open();
            Random noise = new Random(1);
            long start = System.nanoTime();
            int steps = 72; // one reading per bucket of the 3-minute history
            for (int step = 0; step < steps; step++) {
                feed(h, n, t0 + step * 2500L, noise);
                if (step % 6 == 5) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "  %d of %d readings per point, %.0f s, %,.0f readings/s%n", step + 1,
                            steps, seconds, (step + 1) * (double) n / seconds);
                }
            }
            System.out.printf(Locale.ROOT, "%,d points, %s: filled in %.0f s%n", n, rocksdb ? "RocksDB, incremental"
                    : "heap", (System.nanoTime() - start) / 1e9);
            long c1 = System.nanoTime();
            first = h.snapshot(1, t0 + steps * 2500L);
            double firstMs = (System.nanoTime() - c1) / 1e6;
            h.notifyOfCompletedCheckpoint(1);
            for (int step = steps; step < steps + 4; step++) {
                feed(h, n, t0 + step * 2500L, noise);
            }
            long c2 = System.nanoTime();
            OperatorSubtaskState second = h.snapshot(2, t0 + (steps + 4) * 2500L);
            double secondMs = (System.nanoTime() - c2) / 1e6;
            h.notifyOfCompletedCheckpoint(2);
            System.out.printf(Locale.ROOT, "checkpoint 1: %,d bytes (%.0f bytes per point), %.0f ms;"
                    + " checkpoint 2 after 10 s more readings: %,d bytes uploaded of %,d in all, %.0f ms%n",
                    first.getStateSize(), first.getStateSize() / (double) n, firstMs, second.getCheckpointedSize(),
                    second.getStateSize(), secondMs);
        }
        try (var restored = harness(config, rocksdb, dir)) {
            long r = System.nanoTime();
            restored.initializeState(first);
            restored.open();
            double restoreMs = (System.nanoTime() - r) / 1e6;
            // the restored state is the state: a reading of the last point continues its history
            restored.processElement(new StreamRecord<>(new Reading("G" + (n - 1), "ent-a", t0 + 77 * 2500L, 3,
                    Quality.N, 0), 0));
            System.out.printf(Locale.ROOT, "restore of checkpoint 1 into a fresh operator: %.0f ms%n", restoreMs);
        }
    }

    static void feed(KeyedBroadcastOperatorTestHarness<String, Reading, ConfigDocument, AlertUpdate> h, int n, long t,
            Random noise) throws Exception {
        for (int i = 0; i < n; i++) {
            h.processElement(new StreamRecord<>(new Reading("G" + i, "ent-a", t, 3 + noise.nextGaussian() * 0.4,
                    Quality.N, t), t));
        }
    }

    static KeyedBroadcastOperatorTestHarness<String, Reading, ConfigDocument, AlertUpdate> harness(ParkConfig config,
            boolean rocksdb, Path dir) throws Exception {
        // built by hand rather than by ProcessFunctionTestHarnesses, which opens it before a backend can be set
        KeyedBroadcastOperatorTestHarness<String, Reading, ConfigDocument, AlertUpdate> fresh =
                new KeyedBroadcastOperatorTestHarness<>(new CoBroadcastWithKeyedOperator<>(new PointRulesFunction(config, io.parkwatch.job.Lateness.DEFAULT),
                        List.of(ConfigState.DOCUMENTS)), Reading::pointId, Types.STRING, 1, 1, 0);
        // the harness has no managed memory to share out: give RocksDB what a TaskManager slot would, and index and
        // filter blocks in partitions as deploy/README configures a province's cluster (one index block per file read
        // again for each lookup once the cache no longer held it: a million points went at a few hundred readings/s)
        Configuration rocksConf = new Configuration();
        rocksConf.set(RocksDBOptions.FIX_PER_SLOT_MEMORY_SIZE, MemorySize.parse(System.getProperty("rocksdb.memory",
                "256m")));
        rocksConf.set(RocksDBOptions.USE_PARTITIONED_INDEX_FILTERS,
                !"false".equals(System.getProperty("rocksdb.partitioned-index-filters")));
        EmbeddedRocksDBStateBackend rocks = new EmbeddedRocksDBStateBackend(true).configure(rocksConf,
                CheckpointFootprint.class.getClassLoader());
        fresh.setStateBackend(rocksdb ? rocks : new HashMapStateBackend());
        // execution.checkpointing.snapshot-compression: the heap's snapshots in compressed blocks (read back a block at
        // a time, where the uncompressed file is read through an unbuffered stream, a system call per field)
        fresh.getExecutionConfig().setUseSnapshotCompression(Boolean.getBoolean("snapshot.compression"));
        fresh.setCheckpointStorage(new FileSystemCheckpointStorage(dir.toUri()));
        return fresh;
    }

    static ParkConfig config(int n) {
        return new ParkConfig(GasDetectorPark.points(n), GasDetectorPark.RULES, null);
    }
}
