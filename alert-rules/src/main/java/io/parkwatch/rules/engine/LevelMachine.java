package io.parkwatch.rules.engine;

import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.engine.LimitState;
import io.parkwatch.rules.engine.Limits;
import java.util.Arrays;

/**
 * Levels over any signal in time (a value, a rate, a slope): the anti-nuisance behaviour shared by
 * every rule that compares a number with limits.
 * <ul>
 *   <li>A level is reached when its limit has been exceeded continuously for the on-delay; the alert
 *       is raised at the highest level reached and escalated when a higher one is reached.</li>
 *   <li>The level latches at its highest while the alert is active: operators react to the worst seen.</li>
 *   <li>It recovers only when the signal is clear of the lowest limit by the deadband for the off-delay.</li>
 * </ul>
 */
public final class LevelMachine {

    /** How a signal is judged. Delays in milliseconds of event time. */
    public record Settings(Limits limits, Direction direction, double deadband, long onDelayMs, long offDelayMs) {

        /** For a yes/no condition fed as 1 or 0: raises at {@code level} while it is 1. */
        public static Settings yesNo(io.parkwatch.rules.model.Level level, long onDelayMs, long offDelayMs) {
            Limits l = new Limits(level == io.parkwatch.rules.model.Level.WARN ? 0.5 : null,
                    level == io.parkwatch.rules.model.Level.ALARM ? 0.5 : null,
                    level == io.parkwatch.rules.model.Level.CRITICAL ? 0.5 : null);
            return new Settings(l, Direction.HIGH, 0, onDelayMs, offDelayMs);
        }
    }

    private LevelMachine() {
    }

    /** Feeds one sample; returns the transition it causes, or null. Samples older than the last are ignored. */
    public static Transition step(LimitState st, Settings s, long ts, double v) {
        if (st.lastTimestamp != LimitState.NONE && ts < st.lastTimestamp) {
            return null; // out of order: the delays assume time moves forward
        }
        st.lastTimestamp = ts;
        Limits limits = s.limits();
        Level reached = null;
        for (Level level : Level.values()) {
            Double limit = limits.of(level);
            if (limit == null) {
                continue;
            }
            int i = level.ordinal();
            if (s.direction().exceeds(v, limit)) {
                if (st.exceededSince[i] == LimitState.NONE) {
                    st.exceededSince[i] = ts;
                }
                if (ts - st.exceededSince[i] >= s.onDelayMs()) {
                    reached = level;
                }
            } else {
                st.exceededSince[i] = LimitState.NONE;
            }
        }
        if (st.open == null) {
            return reached == null ? null : new Transition(AlertEventType.RAISED, reached, null, limits.of(reached));
        }
        Level current = st.open.level();
        if (reached != null && reached.isAbove(current)) {
            st.clearSince = LimitState.NONE;
            return new Transition(AlertEventType.LEVEL_CHANGED, reached, current, limits.of(reached));
        }
        double clearLimit = limits.of(limits.lowestLevel());
        if (s.direction().clearOf(v, clearLimit, s.deadband())) {
            if (st.clearSince == LimitState.NONE) {
                st.clearSince = ts;
            }
            if (ts - st.clearSince >= s.offDelayMs()) {
                st.clearSince = LimitState.NONE;
                Arrays.fill(st.exceededSince, LimitState.NONE);
                return new Transition(AlertEventType.RECOVERED, current, null, clearLimit);
            }
        } else {
            st.clearSince = LimitState.NONE;
        }
        return null;
    }
}
