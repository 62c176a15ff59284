package io.parkwatch.bench;

import io.parkwatch.rules.ruleset.ParkFiles;
import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.engine.RuleSlice;
import io.parkwatch.rules.engine.RuleStateStore;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark 3: how much rule state one point costs. N combustible gas detectors under the demo park's
 * gas rules (threshold, rate over 1 min, trend over 3 min, quality) each get 3 minutes of readings at
 * 1 s, so every window is full; the state the engine keeps for them (what the job's per-point stage
 * holds in Flink keyed state) is measured as live heap after a full GC, per point. Flink's own per-key
 * bookkeeping in its heap state table comes on top and is not in this figure.
 * Run: bench/state-memory.sh [points...]
 */
public final class StateFootprint {

    private StateFootprint() {
    }

    public static void main(String[] args) {
        // the demo park's point rules for combustible gas (config/rules.yaml)
        String rules = """
                rules:
                  - { id: combustible-gas, type: threshold, match: { kind: gas_lel }, high: { alarm: 25, critical: 50 },
                      deadband: 2, on-delay: 2s }
                  - { id: combustible-gas-rate, type: rate, match: { kind: gas_lel }, direction: rise,
                      per-minute: { warn: 10 }, window: 1m }
                  - { id: combustible-gas-trend, type: trend, match: { kind: gas_lel }, direction: rise, limit: 25,
                      window: 3m, horizon: 10m }
                  - { id: instrument-quality, type: quality, match: { all: true } }
                """;
        int runs = Integer.getInteger("runs", 3);
        for (String a : args.length == 0 ? new String[] {"100000"} : args) {
            int n = Integer.parseInt(a);
            double[] perPoint = new double[runs];
            for (int run = 0; run < runs; run++) {
                perPoint[run] = measure(n, rules);
            }
            java.util.Arrays.sort(perPoint);
            System.out.printf(Locale.ROOT, "%,d points over %d runs: min %.0f / median %.0f / max %.0f bytes per point%n",
                    n, runs, perPoint[0], perPoint[runs / 2], perPoint[runs - 1]);
        }
    }

    /** One run: bytes of rule state per point. */
    static double measure(int n, String rules) {
        {
            StringBuilder points = new StringBuilder("enterprises: [ { id: ent-a } ]\npoints:\n");
            for (int i = 0; i < n; i++) {
                points.append("  - { id: G").append(i).append(", enterprise: ent-a, kind: gas_lel, range: [0, 100] }\n");
            }
            RuleEngine engine = ParkFiles.engine(new ParkFiles.Text("points.yaml", points.toString()),
                    new ParkFiles.Text("rules.yaml", rules), null);
            List<Point> all = new ArrayList<>(engine.registry().points());
            long before = liveHeap();
            List<Map<String, RuleSlice>> state = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                state.add(new HashMap<>(4));
            }
            Random noise = new Random(1);
            long t0 = 1_767_225_600_000L;
            long start = System.nanoTime();
            for (int second = 0; second < 180; second++) {
                long t = t0 + second * 1000L;
                for (int i = 0; i < n; i++) {
                    Map<String, RuleSlice> s = state.get(i);
                    engine.evaluate(all.get(i), new Reading(all.get(i).id(), "ent-a", t, 1 + noise.nextGaussian() * 0.4,
                            Quality.N, t), RuleStateStore.over(s), t);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long after = liveHeap();
            long keys = state.stream().mapToLong(Map::size).sum();
            System.out.printf(Locale.ROOT, "%,d points: %.0f bytes of rule state per point (%d rule states kept per point),"
                    + " %,.0f readings evaluated per second on one thread%n", n, (after - before) / (double) n,
                    keys / n, 180.0 * n / seconds);
            if (state.size() != n) {
                throw new IllegalStateException(); // keeps the state reachable until measured
            }
            return (after - before) / (double) n;
        }
    }

    static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
