package io.parkwatch.rules.threshold;

import io.parkwatch.rules.engine.AlertIds;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Reading;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates a {@link ThresholdRule} on one reading. Timing is by the reading's own timestamp
 * (event time), so replaying recorded data gives the same alerts as the live run did.
 *
 * <p>Behaviour, per direction:
 * <ul>
 *   <li>A level is reached when its limit has been exceeded continuously for the on-delay; the alert
 *       is raised at the highest level reached, and escalated (LEVEL_CHANGED) when a higher one is.</li>
 *   <li>The level latches at its highest value while the alert is active: a fall from critical to
 *       alarm is not announced, because operators must react to the worst the plant has seen.</li>
 *   <li>The alert recovers only when the value is clear of the lowest limit by the deadband for the
 *       off-delay: a value hovering at a limit yields one alert, not a stream of them.</li>
 * </ul>
 */
public final class ThresholdEvaluator {

    private ThresholdEvaluator() {
    }

    /** Evaluates both directions of the rule; returns the events produced (usually none). */
    public static List<AlertUpdate> evaluate(ThresholdRule rule, Point point, ThresholdState state, Reading r, long now) {
        List<AlertUpdate> out = new ArrayList<>(1);
        if (rule.high() != null && !rule.high().isEmpty()) {
            evaluate(rule, point, Direction.HIGH, rule.high(), state.high, r, now, out);
        }
        if (rule.low() != null && !rule.low().isEmpty()) {
            evaluate(rule, point, Direction.LOW, rule.low(), state.low, r, now, out);
        }
        return out;
    }

    static void evaluate(ThresholdRule rule, Point point, Direction dir, Limits limits, LimitState st, Reading r,
            long now, List<AlertUpdate> out) {
        long ts = r.timestamp();
        if (st.lastTimestamp != LimitState.NONE && ts < st.lastTimestamp) {
            return; // out of order: timing below assumes time moves forward, so older readings do not drive it
        }
        st.lastTimestamp = ts;
        double v = r.value();
        long onDelay = rule.onDelay().toMillis();

        Level reached = null;
        for (Level level : Level.values()) {
            Double limit = limits.of(level);
            if (limit == null) {
                continue;
            }
            int i = level.ordinal();
            if (dir.exceeds(v, limit)) {
                if (st.exceededSince[i] == LimitState.NONE) {
                    st.exceededSince[i] = ts;
                }
                if (ts - st.exceededSince[i] >= onDelay) {
                    reached = level;
                }
            } else {
                st.exceededSince[i] = LimitState.NONE;
            }
        }

        if (st.open != null) {
            st.open = st.open.withPeak(v);
        }
        Alert open = st.open;
        if (open == null) {
            if (reached != null) {
                String alertId = AlertIds.alertId(rule.id(), point.id(), dir.name(), ts);
                AlertEvent e = event(rule, point, dir, alertId, 1, AlertEventType.RAISED, reached, null, v,
                        limits.of(reached), r, now);
                st.open = Alert.raisedBy(e);
                st.clearSince = LimitState.NONE;
                out.add(new AlertUpdate(e, st.open));
            }
            return;
        }

        if (reached != null && reached.isAbove(open.level())) {
            AlertEvent e = event(rule, point, dir, open.alertId(), open.lastSeq() + 1, AlertEventType.LEVEL_CHANGED,
                    reached, open.level(), v, limits.of(reached), r, now);
            st.open = open.apply(e);
            out.add(new AlertUpdate(e, st.open));
            open = st.open;
        }

        double clearLimit = limits.of(limits.lowestLevel());
        if (dir.clearOf(v, clearLimit, rule.deadband())) {
            if (st.clearSince == LimitState.NONE) {
                st.clearSince = ts;
            }
            if (ts - st.clearSince >= rule.offDelay().toMillis()) {
                AlertEvent e = event(rule, point, dir, open.alertId(), open.lastSeq() + 1, AlertEventType.RECOVERED,
                        open.level(), null, v, clearLimit, r, now);
                out.add(new AlertUpdate(e, open.apply(e)));
                st.open = null;
                st.clearSince = LimitState.NONE;
                Arrays.fill(st.exceededSince, LimitState.NONE);
            }
        } else {
            st.clearSince = LimitState.NONE;
        }
    }

    private static AlertEvent event(ThresholdRule rule, Point p, Direction dir, String alertId, int seq,
            AlertEventType type, Level level, Level previous, double value, double limit, Reading r, long now) {
        return new AlertEvent(AlertIds.eventId(alertId, seq), alertId, seq, type, rule.id(), p.id(), p.enterpriseId(),
                p.kind(), p.unit(), dir, level, previous, value, limit, r.timestamp(), now, r.receivedAt(), p.tank(),
                p.zone(), message(type, p, dir, level, previous, value, limit, rule.deadband()));
    }

    static String message(AlertEventType type, Point p, Direction dir, Level level, Level previous, double value,
            double limit, double deadband) {
        String u = p.unit().isEmpty() ? "" : " " + p.unit();
        String side = dir == Direction.HIGH ? "at or above" : "at or below";
        String text = switch (type) {
            case RAISED, LEVEL_CHANGED -> String.format(Locale.ROOT, "%s%s, %s the %s limit %s%s", num(value), u, side,
                    level.label(), num(limit), u) + (previous == null ? "" : " (was " + previous.label() + ")");
            case RECOVERED -> String.format(Locale.ROOT, "back to %s%s, clear of %s%s by the deadband of %s%s",
                    num(value), u, num(limit), u, num(deadband), u);
        };
        return p.displayName() + ": " + text;
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e12 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
