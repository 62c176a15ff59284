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
 * 1 s (3 %LEL with noise, in range: a quiet park, no alarm open), so every window is full; the state the engine keeps for them (what the job's per-point stage
 * holds in Flink keyed state) is measured as live heap after a full GC, per point. Flink's own per-key
 * bookkeeping in its heap state table comes on top and is not in this figure.
 * Run: bench/state-memory.sh [points...]
 */
public final class StateFootprint {

    private StateFootprint() {
    }

    public static void main(String[] args) {
        String rules = GasDetectorPark.RULES;
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
            RuleEngine engine = park(n, rules); // built apart, so that its files' text is gone before measuring
            List<Point> all = new ArrayList<>(engine.registry().points());
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
                    engine.evaluate(all.get(i), new Reading(all.get(i).id(), "ent-a", t, 3 + noise.nextGaussian() * 0.4,
                            Quality.N, t), RuleStateStore.over(s), t);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long keys = state.stream().mapToLong(Map::size).sum();
            Map<java.util.Set<String>, Long> kinds = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
            state.forEach(m -> kinds.merge(m.keySet(), 1L, Long::sum));
            // the maps alone, with the same keys and one shared value: what a Flink MapState's per-key map costs
            // on the heap backend, apart from the rule state it holds
            Object shared = new Object();
            List<Map<String, Object>> bare = new ArrayList<>(n);
            for (Map<String, RuleSlice> s : state) {
                Map<String, Object> m = new HashMap<>(4);
                s.keySet().forEach(k -> m.put(k, shared));
                bare.add(m);
            }
            // retained sizes: the live heap with a structure, then without it (dropping it frees exactly what it held)
            long withBoth = liveHeap();
            state.clear();
            long withBare = liveHeap();
            bare.clear();
            long withNeither = liveHeap();
            double maps = (withBare - withNeither) / (double) n;
            double perPoint = (withBoth - withBare) / (double) n - maps;
            System.out.printf(Locale.ROOT, "%,d points: %.0f bytes of rule state per point (%.2f states per point,"
                    + " points by states kept: %s), plus %.0f bytes per point for the map holding them; %,.0f readings"
                    + " evaluated per second on one thread%n", n, perPoint, keys / (double) n, kinds, maps,
                    180.0 * n / seconds);
            return perPoint;
        }
    }

    static RuleEngine park(int n, String rules) {
        return ParkFiles.engine(new ParkFiles.Text("points.yaml", GasDetectorPark.points(n)), new ParkFiles.Text(
                "rules.yaml", rules), null);
    }

    static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
