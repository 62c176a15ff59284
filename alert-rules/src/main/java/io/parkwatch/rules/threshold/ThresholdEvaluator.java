package io.parkwatch.rules.threshold;

import io.parkwatch.rules.text.Message;
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

    static Message message(Transition t, Point p, Direction dir, double value, double deadband) {
        String u = unit(p.unit());
        String side = Message.term(dir == Direction.HIGH ? "at-or-above" : "at-or-below");
        return switch (t.type()) {
            case RAISED, LEVEL_CHANGED -> t.previous() == null
                    ? Message.of("alert.threshold.raised", num(value), u, side, level(t.level()), num(t.limit()))
                    : Message.of("alert.threshold.changed", num(value), u, side, level(t.level()), num(t.limit()),
                            level(t.previous()));
            default -> // RECOVERED
                    Message.of("alert.threshold.recovered", num(value), u, num(t.limit()), num(deadband));
        };
    }

    /** A level as a term the catalogue translates. */
    public static String level(io.parkwatch.rules.model.Level level) {
        return Message.term("level." + level.label());
    }

    public static String unit(String unit) {
        return unit == null || unit.isEmpty() ? "" : " " + unit;
    }

    public static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e12 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
