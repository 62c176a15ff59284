package io.parkwatch.rules.shutdown;

import io.parkwatch.rules.text.Message;
import io.parkwatch.rules.engine.AlertSubject;
import io.parkwatch.rules.engine.AlertTracker;
import io.parkwatch.rules.engine.LevelMachine;
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

/** Evaluates a {@link ShutdownActivityRule}; points of running plants are not watched (and an open alert clears). */
public final class ShutdownActivityEvaluator {

    private ShutdownActivityEvaluator() {
    }

    public static List<AlertUpdate> evaluate(ShutdownActivityRule rule, Point p, boolean shutDown, ActivitySlice state,
            PointHistory history, Reading r, long now) {
        List<AlertUpdate> out = new ArrayList<>(0);
        long window = rule.window().toMillis();
        boolean active = false;
        double slope = 0;
        if (shutDown) {
            if (state.watchingSince == LimitState.NONE) {
                state.watchingSince = r.timestamp();
            }
            LineFit fit = history.fit(window, state.watchingSince, 3);
            if (fit != null) {
                slope = fit.slopePerMinute();
                active = slope >= rule.risePerMinute() && fit.significance() >= 3;
            }
        } else {
            state.watchingSince = LimitState.NONE;
        }
        if (!shutDown && (state.high == null || state.high.open == null)) {
            return out;
        }
        LimitState st = state.high();
        double speed = slope;
        Transition t = LevelMachine.step(st, LevelMachine.Settings.yesNo(rule.level(), rule.hold().toMillis(), 0),
                r.timestamp(), active ? 1 : 0);
        String u = unit(p.unit());
        AlertTracker.apply(Transition.withLimit(t, rule.risePerMinute()), st, rule.id(), AlertCategory.PROCESS,
                AlertSubject.of(p), Direction.HIGH, r.value(), r.timestamp(), r.receivedAt(), now,
                (tr, v) -> switch (tr.type()) {
                    case RAISED, LEVEL_CHANGED -> Message.of("alert.activity.raised", num(speed), u, num(v),
                            p.tank() != null ? p.enterpriseId() + " / " + p.tank() : p.enterpriseId());
                    default -> // RECOVERED
                    shutDown ? Message.of("alert.activity.recovered", num(v), u)
                            : Message.of("alert.activity.restarted");
                }, out);
        return out;
    }
}
