package io.parkwatch.bench;

import io.parkwatch.rules.engine.LimitSlice;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.ruleset.ParkFiles;
import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.threshold.ThresholdEvaluator;
import io.parkwatch.rules.threshold.ThresholdRule;
import java.nio.file.Files;
import java.nio.file.Path;
import io.parkwatch.rules.engine.RuleSlice;
import io.parkwatch.rules.engine.RuleStateStore;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.quality.QualityRule;
import io.parkwatch.rules.rate.RateRule;
import io.parkwatch.rules.trend.TrendRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core against Esper, the CEP engine Flink-less alerting systems build on, on the same recorded readings of one
 * gas detector: the GB/T 50493 gas rule of the demo park (alarm 25 / critical 50 %LEL, deadband 2, on-delay 2 s)
 * evaluated by the core's {@link ThresholdEvaluator} and by the same logic in EPL ({@link EsperGasRule}). Before
 * measuring, both judge {@link #CYCLES} passes of the recording and must give the same transitions (type, level,
 * time), or the run stops. One operation is one reading judged.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class AgainstEsper {

    static final int CYCLES = 50;
    static final int DETECTOR_CYCLES = 10;
    static final long START = 1_767_225_600_000L;
    static final String POINT = "HX-T101-GT1";

    Point detector;
    ThresholdRule gas;
    double[] recording;
    LimitSlice coreState;
    EsperModule<EsperGasRule.Transition> esper;
    long t;
    int i;
    RuleEngine engine;
    Sample[] detectorSamples;
    final Map<String, RuleSlice> detectorStates = new HashMap<>();
    final RuleStateStore<RuleSlice> detectorStore = RuleStateStore.over(detectorStates);
    EsperModule<EsperGasDetector.Transition> esperDetector;
    long dt;
    int di;

    /**
     * Two minutes of a detector, one reading a second: quiet, a one-second spike (below the on-delay), an alarm that
     * becomes critical, a return inside the deadband (still open), the recovery, a value hovering about the limit
     * (each dip restarts the on-delay), a value at the limit exactly (reached: at-or-above), held at the clear limit
     * exactly (not clear: it must be below it), then quiet.
     */
    static double[] recording() {
        double[] v = new double[120];
        for (int s = 0; s < v.length; s++) {
            v[s] = 10 + s % 7;
        }
        v[30] = 26;
        for (int s = 40; s <= 46; s++) {
            v[s] = 30;
        }
        for (int s = 47; s <= 50; s++) {
            v[s] = 55;
        }
        for (int s = 51; s <= 55; s++) {
            v[s] = 24;
        }
        for (int s = 56; s <= 60; s++) {
            v[s] = 22.5;
        }
        for (int s = 61; s <= 70; s++) {
            v[s] = s % 2 == 0 ? 24 : 26;
        }
        for (int s = 71; s <= 73; s++) {
            v[s] = 25;
        }
        for (int s = 74; s <= 76; s++) {
            v[s] = 23;
        }
        v[77] = 22.9;
        return v;
    }

    /**
     * Ten minutes of a detector, one reading a second, for the whole rule set: quiet (no rate, no trend), a slow
     * rise of 2 %LEL a minute (the trend: the alarm limit within 10 minutes), a fast rise of 30 a minute (the rate),
     * past the alarm limit (the trend ends, the threshold raises), critical, a fall back to quiet, two readings
     * flagged as a fault and one beyond the instrument's range (the quality rule; none of them drives the others).
     */
    static Sample[] detectorRecording() {
        Sample[] r = new Sample[600];
        for (int s = 0; s < r.length; s++) {
            double quiet = 10 + s % 7 * 0.3;
            double v;
            if (s < 180) {
                v = quiet;
            } else if (s < 360) {
                v = quiet + (s - 180) * 2 / 60.0;
            } else if (s < 400) {
                v = 16 + (s - 360) * 0.5;
            } else if (s < 420) {
                v = 55;
            } else {
                v = quiet;
            }
            r[s] = new Sample(v, "N");
        }
        r[500] = new Sample(10, "D");
        r[501] = new Sample(10, "D");
        r[520] = new Sample(105, "N");
        return r;
    }

    /** One reading of the recording: its value and its quality flag (HJ 212's). */
    record Sample(double value, String quality) {
    }

    @Setup
    public void setUp() throws Exception {
        Path config = Path.of(System.getProperty("parkwatch.config", "config"));
        RuleEngine loaded = ParkFiles.engine(new ParkFiles.Text("points.yaml", Files.readString(config.resolve("points.yaml"))),
                new ParkFiles.Text("rules.yaml", Files.readString(config.resolve("rules.yaml"))), null);
        detector = loaded.point(POINT).orElseThrow();
        gas = (ThresholdRule) loaded.rules().rulesFor(detector).stream()
                .filter(r -> r.id().equals("combustible-gas")).findFirst().orElseThrow();
        engine = loaded;
        recording = recording();
        checkEqual();
        coreState = new LimitSlice();
        esper = EsperGasRule.deploy(gas);
        detectorSamples = detectorRecording();
        checkDetectorEqual();
        esperDetector = newEsperDetector();
        t = 1_767_225_600_000L;
        i = 0;
        dt = 1_767_225_600_000L;
        di = 0;
    }

    /** Both judge the same readings from a fresh state; their transitions must be equal. */
    void checkEqual() throws Exception {
        List<EsperGasRule.Transition> core = new ArrayList<>();
        List<EsperGasRule.Transition> epl = new ArrayList<>();
        LimitSlice state = new LimitSlice();
        try (EsperModule<EsperGasRule.Transition> e = EsperGasRule.deploy(gas)) {
            long ts = 1_767_225_600_000L;
            for (int c = 0; c < CYCLES; c++) {
                for (double v : recording) {
                    ts += 1000;
                    for (AlertUpdate u : ThresholdEvaluator.evaluate(gas, detector, state,
                            new Reading(POINT, "ent-huaxin", ts, v, Quality.N, ts), ts)) {
                        core.add(new EsperGasRule.Transition(u.event().type().name(), level(u.event().level()),
                                u.event().eventTime()));
                    }
                    e.send(new EsperReading(POINT, ts, v, "N"));
                    epl.addAll(e.take());
                }
            }
        }
        if (core.isEmpty() || !core.equals(epl)) {
            throw new IllegalStateException("the core and Esper disagree: core " + core.size() + " transitions "
                    + core.subList(0, Math.min(8, core.size())) + ", Esper " + epl.size() + " "
                    + epl.subList(0, Math.min(8, epl.size())));
        }
        System.out.printf("same transitions from both over %d readings: %d (first pass: %s)%n",
                CYCLES * recording.length, core.size(), core.subList(0, core.size() / CYCLES));
    }

    /** The detector's per-point rules, each of its kind, in EPL. */
    EsperModule<EsperGasDetector.Transition> newEsperDetector() throws Exception {
        List<Rule> rules = engine.rules().rulesFor(detector);
        return EsperGasDetector.deploy(detector, gas, only(rules, RateRule.class), only(rules, TrendRule.class),
                only(rules, QualityRule.class), START);
    }

    private static <R extends Rule> R only(List<Rule> rules, Class<R> type) {
        List<R> of = rules.stream().filter(type::isInstance).map(type::cast).toList();
        if (of.size() != 1) {
            throw new IllegalStateException("expected one " + type.getSimpleName() + " rule for the detector, got " + of);
        }
        return of.get(0);
    }

    /**
     * Both judge the detector recording {@link #DETECTOR_CYCLES} times from a fresh state. Every rule must have
     * spoken, and the transitions must be the same (rule, type, level, time), or the run stops.
     */
    void checkDetectorEqual() throws Exception {
        List<EsperGasDetector.Transition> core = new ArrayList<>();
        List<EsperGasDetector.Transition> epl = new ArrayList<>();
        Map<String, RuleSlice> states = new HashMap<>();
        RuleStateStore<RuleSlice> store = RuleStateStore.over(states);
        Set<String> perPoint = new HashSet<>();
        try (EsperModule<EsperGasDetector.Transition> e = newEsperDetector()) {
            long ts = 1_767_225_600_000L;
            for (int c = 0; c < DETECTOR_CYCLES; c++) {
                for (Sample v : detectorSamples) {
                    ts += 1000;
                    for (AlertUpdate u : engine.evaluate(detector, new Reading(POINT, "ent-huaxin", ts, v.value(),
                            Quality.valueOf(v.quality()), ts), store, ts)) {
                        core.add(new EsperGasDetector.Transition(u.event().ruleId(), u.event().type().name(),
                                u.event().level().name(), u.event().eventTime()));
                        perPoint.add(u.event().ruleId());
                    }
                    e.send(new EsperReading(POINT, ts, v.value(), v.quality()));
                    epl.addAll(e.take());
                }
            }
        }
        Comparator<EsperGasDetector.Transition> order = Comparator.comparingLong(EsperGasDetector.Transition::at)
                .thenComparing(EsperGasDetector.Transition::rule);
        // within one reading the two emit their rules' transitions in their own order: compared by time, then rule
        List<EsperGasDetector.Transition> a = core.stream().sorted(order).toList();
        List<EsperGasDetector.Transition> b = epl.stream().sorted(order).toList();
        if (perPoint.size() != 4 || !a.equals(b)) {
            throw new IllegalStateException("the core and Esper disagree on the detector: core " + a.size()
                    + " transitions of " + perPoint + " " + firstPass(core) + ", Esper " + b.size() + " " + firstPass(epl));
        }
        System.out.printf("same alerts of the whole detector from both over %d readings: %d transitions of %d rules"
                + " (first pass: %s)%n", DETECTOR_CYCLES * detectorSamples.length, a.size(), perPoint.size(),
                firstPass(core));
    }

    private List<EsperGasDetector.Transition> firstPass(List<EsperGasDetector.Transition> all) {
        long end = 1_767_225_600_000L + detectorSamples.length * 1000L;
        return all.stream().filter(x -> x.at() <= end).toList();
    }

    private static int level(Level l) {
        return l == Level.CRITICAL ? 2 : l == Level.ALARM ? 1 : 0;
    }

    @TearDown
    public void tearDown() {
        esper.close();
        esperDetector.close();
    }

    private double next() {
        t += 1000;
        double v = recording[i];
        i = i + 1 == recording.length ? 0 : i + 1;
        return v;
    }

    @Benchmark
    public List<AlertUpdate> coreGasRule() {
        double v = next();
        return ThresholdEvaluator.evaluate(gas, detector, coreState, new Reading(POINT, "ent-huaxin", t, v, Quality.N, t), t);
    }

    @Benchmark
    public List<EsperGasRule.Transition> esperGasRule() {
        double v = next();
        esper.send(new EsperReading(POINT, t, v, "N"));
        return esper.take();
    }

    private Sample nextSample() {
        dt += 1000;
        Sample v = detectorSamples[di];
        di = di + 1 == detectorSamples.length ? 0 : di + 1;
        return v;
    }

    @Benchmark
    public List<AlertUpdate> coreGasDetector() {
        Sample v = nextSample();
        return engine.evaluate(detector, new Reading(POINT, "ent-huaxin", dt, v.value(), Quality.valueOf(v.quality()), dt),
                detectorStore, dt);
    }

    @Benchmark
    public List<EsperGasDetector.Transition> esperGasDetector() {
        Sample v = nextSample();
        esperDetector.send(new EsperReading(POINT, dt, v.value(), v.quality()));
        return esperDetector.take();
    }

    /** For a quick look without JMH: {@code java ... io.parkwatch.bench.AgainstEsper}. */
    public static void main(String[] args) throws Exception {
        AgainstEsper b = new AgainstEsper();
        b.setUp();
        b.tearDown();
    }
}
