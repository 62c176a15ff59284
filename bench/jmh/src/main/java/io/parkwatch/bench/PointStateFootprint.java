package io.parkwatch.bench;

import io.parkwatch.job.ConfigState;
import io.parkwatch.job.ParkConfig;
import io.parkwatch.job.PointRulesFunction;

import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;

/**
 * Benchmark 3's second half (bench/state-memory.sh): what one point costs in the job itself, Flink's per-key
 * bookkeeping included. The job's per-point function runs in Flink's operator test harness on the heap state
 * backend (the standalone's) with the same gas rules and readings as {@code StateFootprint} (bench/jmh): N
 * detectors, 3 minutes of 1 s readings each; live heap after a full GC, per point. Not a test: a main, run by
 * the script.
 */
public final class PointStateFootprint {

    private PointStateFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length == 0 ? 100_000 : Integer.parseInt(args[0]);
        ParkConfig config = new ParkConfig(GasDetectorPark.points(n), GasDetectorPark.RULES, null);
        // each reading brings its own key string, as records off Kafka do: the state keeps one per point
        try (KeyedBroadcastOperatorTestHarness<String, Reading, io.parkwatch.rules.wire.ConfigDocument,
                io.parkwatch.rules.model.AlertUpdate> h = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                        new PointRulesFunction(config, io.parkwatch.job.Lateness.DEFAULT), Reading::pointId, Types.STRING, ConfigState.DOCUMENTS)) {
            h.processElement(new StreamRecord<>(new Reading("G0", "ent-a", 0, 3, Quality.N, 0), 0));
            long before = liveHeap();
            Random noise = new Random(1);
            long t0 = 1_767_225_600_000L;
            long start = System.nanoTime();
            for (int second = 0; second < 180; second++) {
                long t = t0 + second * 1000L;
                for (int i = 0; i < n; i++) {
                    h.processElement(new StreamRecord<>(new Reading("G" + i, "ent-a", t,
                            3 + noise.nextGaussian() * 0.4, Quality.N, t), t));
                }
                if (second % 30 == 29) {
                    System.out.printf(Locale.ROOT, "  %d of 180 s of readings%n", second + 1);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long after = liveHeap();
            System.out.printf(Locale.ROOT, "%,d points in the job's per-point function (Flink heap state backend):"
                    + " %.0f bytes per point, Flink's per-key bookkeeping included; %,.0f readings per second through"
                    + " the operator; %d alerts (0: a quiet park)%n", n, (after - before) / (double) n, 180.0 * n / seconds,
                    h.getOutput().size());
        }
    }

    static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
