package io.parkwatch.rules.trend;

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

/** Evaluates a {@link TrendRule}. */
public final class TrendEvaluator {

    private TrendEvaluator() {
    }

    public static List<AlertUpdate> evaluate(TrendRule rule, Point point, LimitSlice state, PointHistory history,
            Reading r, long now) {
        List<AlertUpdate> out = new ArrayList<>(0);
        LineFit fit = history.fit(rule.window().toMillis(), LimitState.NONE, 10);
        if (fit == null) {
            return out; // not enough history for a trend yet
        }
        boolean rising = rule.direction() == Direction.HIGH;
        double towards = rising ? fit.slopePerMinute() : -fit.slopePerMinute();
        double remaining = rising ? rule.limit() - fit.fittedNow() : fit.fittedNow() - rule.limit();
        double etaMinutes = towards > 0 ? remaining / towards : Double.POSITIVE_INFINITY;
        // a prediction only while the limit is still ahead: once the value itself is past it, the
        // threshold rule speaks, and a lagging fit must not announce what has already happened
        boolean stillAhead = rising ? r.value() < rule.limit() : r.value() > rule.limit();
        boolean heading = stillAhead && towards > 0 && remaining > 0 && fit.significance() >= rule.significance()
                && etaMinutes <= rule.horizon().toMillis() / 60_000.0;

        // The decision is yes/no; the level machine adds the hold and off-delay against flapping.
        LimitState st = state.high();
        Transition t = Transition.withLimit(LevelMachine.step(st, LevelMachine.Settings.yesNo(rule.level(),
                rule.hold().toMillis(), rule.offDelay().toMillis()), r.timestamp(), heading ? 1 : 0), rule.limit());
        String u = unit(point.unit());
        AlertTracker.apply(t, st, rule.id(), AlertCategory.PREDICTIVE, AlertSubject.of(point), rule.direction(),
                r.value(), r.timestamp(), r.receivedAt(), now, (tr, v) -> switch (tr.type()) {
                    case RAISED, LEVEL_CHANGED -> Message.of("alert.trend.raised",
                            Message.term(rising ? "rising" : "falling"), num(Math.abs(fit.slopePerMinute())), u,
                            num(rule.limit()), eta(etaMinutes), num(v));
                    default -> // RECOVERED
                    Message.of("alert.trend.recovered", num(rule.limit()), u, num(v));
                }, out);
        return out;
    }

    static String eta(double minutes) {
        if (minutes < 1) {
            return Message.term("seconds", Math.max(1, Math.round(minutes * 60)));
        }
        return Message.term("minutes", Math.round(minutes));
    }
}
