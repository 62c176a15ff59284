package io.parkwatch.rules.quality;

import io.parkwatch.rules.text.Message;
import io.parkwatch.rules.engine.AlertSubject;
import io.parkwatch.rules.engine.AlertTracker;
import io.parkwatch.rules.engine.LevelMachine;
import io.parkwatch.rules.engine.LimitSlice;
import io.parkwatch.rules.engine.Transition;
import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.engine.LimitState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.parkwatch.rules.threshold.ThresholdEvaluator.num;
import static io.parkwatch.rules.threshold.ThresholdEvaluator.unit;

/** Evaluates the data-quality rules that look at each reading: {@link QualityRule} and {@link StuckRule}. */
public final class DataQualityEvaluator {

    private DataQualityEvaluator() {
    }

    /** True when the reading lies outside the point's instrument range (a sensor fault, not a process value). */
    public static boolean outOfRange(Point p, Reading r) {
        return p.outOfRange(r.value());
    }

    public static List<AlertUpdate> evaluate(QualityRule rule, Point p, LimitSlice state, Reading r, long now) {
        boolean flagged = rule.flags().contains(r.quality());
        boolean range = rule.checkRange() && outOfRange(p, r);
        LimitState st = state.high();
        Transition t = LevelMachine.step(st, LevelMachine.Settings.yesNo(rule.level(), rule.onDelay().toMillis(), 0),
                r.timestamp(), flagged || range ? 1 : 0);
        List<AlertUpdate> out = new ArrayList<>(0);
        String u = unit(p.unit());
        AlertTracker.apply(Transition.withLimit(t, range ? (r.value() < p.rangeLow() ? p.rangeLow() : p.rangeHigh()) : 0),
                st, rule.id(), AlertCategory.DATA_QUALITY, AlertSubject.of(p), Direction.HIGH, r.value(), r.timestamp(),
                r.receivedAt(), now, (tr, v) -> switch (tr.type()) {
                    case RAISED, LEVEL_CHANGED -> flagged
                            ? Message.of("alert.quality.flagged", r.quality(), Message.term("quality." + r.quality()))
                            : Message.of("alert.quality.range", num(v), u, num(p.rangeLow()), num(p.rangeHigh()));
                    default -> // RECOVERED
                    Message.of("alert.quality.recovered", num(v), u);
                }, out);
        return out;
    }

    public static List<AlertUpdate> evaluate(StuckRule rule, Point p, StuckSlice state, Reading r, long now) {
        double band = p.span() * rule.bandPercent() / 100.0;
        long ts = r.timestamp();
        boolean broke = false;
        if (state.steadySince == LimitState.NONE) {
            state.steadySince = ts;
            state.steadyMin = r.value();
            state.steadyMax = r.value();
        } else if (ts >= state.steadySince) {
            double lo = Math.min(state.steadyMin, r.value());
            double hi = Math.max(state.steadyMax, r.value());
            if (hi - lo > band) {
                broke = true;
                state.steadySince = ts;
                state.steadyMin = r.value();
                state.steadyMax = r.value();
            } else {
                state.steadyMin = lo;
                state.steadyMax = hi;
            }
        }
        boolean stuck = !broke && ts - state.steadySince >= rule.duration().toMillis();
        LimitState st = state.high();
        Transition t = LevelMachine.step(st, LevelMachine.Settings.yesNo(rule.level(), 0, 0), ts, stuck ? 1 : 0);
        List<AlertUpdate> out = new ArrayList<>(0);
        String u = unit(p.unit());
        long since = state.steadySince;
        AlertTracker.apply(Transition.withLimit(t, band), st, rule.id(), AlertCategory.DATA_QUALITY, AlertSubject.of(p),
                Direction.HIGH, r.value(), ts, r.receivedAt(), now, (tr, v) -> switch (tr.type()) {
                    case RAISED, LEVEL_CHANGED -> Message.of("alert.stuck.raised", num(v), u, num(band),
                            num(rule.bandPercent()), hours(ts - since));
                    default -> // RECOVERED
                    Message.of("alert.stuck.recovered", num(v), u);
                }, out);
        return out;
    }

    static String hours(long ms) {
        return ms >= 3_600_000 ? Message.term("hours", String.format(Locale.ROOT, "%.1f", ms / 3_600_000.0))
                : Message.term("minutes", ms / 60_000);
    }

    static String describe(io.parkwatch.rules.model.Quality q) {
        return switch (q) {
            case D -> "fault";
            case M -> "maintenance";
            case C -> "calibration";
            case B -> "comms fault";
            case T -> "over range";
            case F -> "equipment stopped";
            case S -> "manual entry";
            case N -> "normal";
        };
    }
}
