package io.parkwatch.bench;

import io.parkwatch.rules.ruleset.ParkFiles;
import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.engine.LimitSlice;
import io.parkwatch.rules.engine.RuleSlice;
import io.parkwatch.rules.engine.RuleStateStore;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.threshold.ThresholdEvaluator;
import io.parkwatch.rules.threshold.ThresholdRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core's evaluators on one core: a threshold rule alone (the GB/T 50493 gas setpoints of the demo
 * park), and every point rule of a gas detector through the engine (threshold, rate, trend, quality).
 * Values wander around the alarm limit so alarms are raised and cleared, not only "all quiet".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class RuleBenchmarks {

    RuleEngine engine;
    Point detector;
    ThresholdRule gas;
    LimitSlice thresholdState;
    final Map<String, RuleSlice> states = new HashMap<>();
    final RuleStateStore<RuleSlice> store = RuleStateStore.over(states);
    long t;
    int i;

    @Setup
    public void setUp() throws IOException {
        Path config = Path.of(System.getProperty("parkwatch.config", "config"));
        engine = ParkFiles.engine(new ParkFiles.Text("points.yaml", Files.readString(config.resolve("points.yaml"))),
                new ParkFiles.Text("rules.yaml", Files.readString(config.resolve("rules.yaml"))), null);
        detector = engine.point("HX-T101-GT1").orElseThrow();
        gas = (ThresholdRule) engine.rules().rulesFor(detector).stream()
                .filter(r -> r.id().equals("combustible-gas")).findFirst().orElseThrow();
        thresholdState = new LimitSlice();
        t = 1_767_225_600_000L;
    }

    /** A value that spends most of its time below 25 %LEL and now and then goes above (an alarm and its recovery). */
    double nextValue() {
        i++;
        return (i & 1023) < 900 ? 10 + (i & 7) : 35;
    }

    @Benchmark
    public List<AlertUpdate> threshold() {
        t += 1000;
        return ThresholdEvaluator.evaluate(gas, detector, thresholdState,
                new Reading("HX-T101-GT1", "ent-huaxin", t, nextValue(), Quality.N, t), t);
    }

    @Benchmark
    public List<AlertUpdate> allPointRulesOfAGasDetector() {
        t += 1000;
        return engine.evaluate(detector, new Reading("HX-T101-GT1", "ent-huaxin", t, nextValue(), Quality.N, t), store, t);
    }
}
