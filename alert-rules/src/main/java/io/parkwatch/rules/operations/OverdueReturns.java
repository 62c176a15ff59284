package io.parkwatch.rules.operations;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.engine.AlertSubject;
import io.parkwatch.rules.engine.AlertTracker;
import io.parkwatch.rules.engine.LimitState;
import io.parkwatch.rules.engine.Transition;
import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.text.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The maintenance alarm of an instrument kept out of service beyond its expected return (rule
 * {@value #RULE_ID}, a pre-alarm of the data-quality category, announced like any alarm). It recovers when the
 * instrument returns to service or its expected return is moved later. Decided on the wall clock: the host calls
 * {@link #check} when the operations change and at {@link #nextDue}.
 */
public final class OverdueReturns {

    public static final String RULE_ID = "out-of-service-overdue";

    private OverdueReturns() {
    }

    /**
     * Raises or recovers the overdue alarms.
     *
     * @param open the overdue alarms open now, by point (updated)
     */
    public static List<AlertUpdate> check(PlantOperations ops, PointRegistry registry, Map<String, LimitState> open,
            long now) {
        List<AlertUpdate> out = new ArrayList<>();
        for (OutOfService o : ops.outOfService().values()) {
            Point p = registry.point(o.pointId()).orElse(null);
            if (p == null || !o.overdueAt(now) || open.containsKey(o.pointId())) {
                continue;
            }
            LimitState st = new LimitState();
            double hours = (now - o.expectedReturn()) / 3_600_000.0;
            AlertTracker.apply(new Transition(AlertEventType.RAISED, Level.WARN, null, 0), st, RULE_ID,
                    AlertCategory.DATA_QUALITY, AlertSubject.of(p), Direction.HIGH, hours, o.expectedReturn(), now, now,
                    (t, v) -> Message.of("alert.out-of-service-overdue", Message.time(o.expectedReturn()), o.by(),
                            o.reason()), out);
            open.put(o.pointId(), st);
        }
        for (String pointId : List.copyOf(open.keySet())) {
            OutOfService o = ops.outOfService().get(pointId);
            if (o != null && o.overdueAt(now)) {
                continue;
            }
            LimitState st = open.remove(pointId);
            Point p = registry.point(pointId).orElse(null);
            if (p == null || st.open == null) {
                continue;
            }
            AlertTracker.apply(new Transition(AlertEventType.RECOVERED, Level.WARN, Level.WARN, 0), st, RULE_ID,
                    AlertCategory.DATA_QUALITY, AlertSubject.of(p), Direction.HIGH, 0, now, now, now,
                    (t, v) -> o == null ? Message.of("alert.out-of-service-returned")
                            : Message.of("alert.out-of-service-extended", Message.time(o.expectedReturn())), out);
        }
        return out;
    }

    /** When the next instrument becomes overdue, or 0 for none. */
    public static long nextDue(PlantOperations ops, Map<String, LimitState> open) {
        return ops.outOfService().values().stream().filter(o -> !open.containsKey(o.pointId()))
                .mapToLong(OutOfService::expectedReturn).min().orElse(0);
    }
}
