package io.parkwatch.rules.threshold;

import io.parkwatch.rules.engine.Limits;
import io.parkwatch.rules.engine.LimitState;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates a {@link ThresholdRule} on one reading, by event time (so replaying recorded data gives
 * the same alerts as the live run did). The anti-nuisance behaviour is the {@link LevelMachine}'s.
 */
public final class ThresholdEvaluator {

    private ThresholdEvaluator() {
    }

    /** Evaluates both directions of the rule; returns the alert updates produced (usually none). */
    public static List<AlertUpdate> evaluate(ThresholdRule rule, Point point, LimitSlice state, Reading r, long now) {
        List<AlertUpdate> out = new ArrayList<>(1);
        if (rule.high() != null && !rule.high().isEmpty()) {
            evaluate(rule, point, Direction.HIGH, rule.high(), state.high(), r, now, out);
        }
        if (rule.low() != null && !rule.low().isEmpty()) {
            evaluate(rule, point, Direction.LOW, rule.low(), state.low(), r, now, out);
        }
        return out;
    }

    private static void evaluate(ThresholdRule rule, Point point, Direction dir, Limits limits, LimitState st,
            Reading r, long now, List<AlertUpdate> out) {
        LevelMachine.Settings s = new LevelMachine.Settings(limits, dir, rule.deadband(), rule.onDelay().toMillis(),
                rule.offDelay().toMillis());
        Transition t = LevelMachine.step(st, s, r.timestamp(), r.value());
        AlertTracker.apply(t, st, rule.id(), AlertCategory.PROCESS, AlertSubject.of(point), dir, r.value(),
                r.timestamp(), r.receivedAt(), now, (tr, v) -> message(tr, point, dir, v, rule.deadband()), out);
    }

    static String message(Transition t, Point p, Direction dir, double value, double deadband) {
        String u = unit(p.unit());
        String side = dir == Direction.HIGH ? "at or above" : "at or below";
        return switch (t.type()) {
            case RAISED, LEVEL_CHANGED -> String.format(Locale.ROOT, "%s%s, %s the %s limit %s%s", num(value), u, side,
                    t.level().label(), num(t.limit()), u) + (t.previous() == null ? "" : " (was " + t.previous().label() + ")");
            default -> // RECOVERED
                    String.format(Locale.ROOT, "back to %s%s, clear of %s%s by the deadband of %s%s",
                    num(value), u, num(t.limit()), u, num(deadband), u);
        };
    }

    public static String unit(String unit) {
        return unit == null || unit.isEmpty() ? "" : " " + unit;
    }

    public static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e12 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
