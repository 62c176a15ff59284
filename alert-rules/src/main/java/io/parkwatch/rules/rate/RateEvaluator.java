package io.parkwatch.rules.rate;

import io.parkwatch.rules.text.Message;
import io.parkwatch.rules.engine.AlertSubject;
import io.parkwatch.rules.engine.AlertTracker;
import io.parkwatch.rules.engine.LevelMachine;
import io.parkwatch.rules.engine.LimitSlice;
import io.parkwatch.rules.engine.LineFit;
import io.parkwatch.rules.engine.PointHistory;
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

/** Evaluates a {@link RateRule}: the rate is judged only once the samples cover most of the window. */
public final class RateEvaluator {

    private RateEvaluator() {
    }

    public static List<AlertUpdate> evaluate(RateRule rule, Point point, LimitSlice state, PointHistory history,
            Reading r, long now) {
        List<AlertUpdate> out = new ArrayList<>(0);
        LineFit fit = history.fit(rule.window().toMillis(), LimitState.NONE, 3);
        if (fit == null) {
            return out; // not enough history for a rate yet
        }
        boolean rise = rule.direction() == Direction.HIGH;
        double speed = rise ? fit.slopePerMinute() : -fit.slopePerMinute();
        LimitState st = state.high();
        Transition t = LevelMachine.step(st, new LevelMachine.Settings(rule.perMinute(), Direction.HIGH,
                rule.deadband(), rule.hold().toMillis(), rule.offDelay().toMillis()), r.timestamp(), speed);
        String u = unit(point.unit());
        // the alert's value is the rate, so its unit is per minute
        AlertTracker.apply(t, st, rule.id(), AlertCategory.PROCESS, AlertSubject.of(point).withUnit(point.unit() + "/min"),
                rule.direction(), speed,
                r.timestamp(), r.receivedAt(), now, (tr, v) -> switch (tr.type()) {
                    case RAISED, LEVEL_CHANGED -> Message.of("alert.rate.raised", Message.term(rise ? "rising" : "falling"),
                            num(v), u, minutes(rule.window().toMillis()), Message.term("level." + tr.level().label()),
                            num(tr.limit()), num(r.value()));
                    default -> // RECOVERED
                    Message.of("alert.rate.recovered", num(v), u, num(r.value()));
                }, out);
        return out;
    }

    static String minutes(long ms) {
        return ms % 60_000 == 0 ? Message.term("minutes", ms / 60_000) : Message.term("seconds", ms / 1000);
    }
}
