package io.parkwatch.console;

import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;

/** Alert events as the job writes them, for scripting a history in tests. */
public final class TestEvents {

    private TestEvents() {
    }

    /** A gas alert event of rule {@code rule} at {@code point} (enterprise, level, time as given). */
    public static AlertEvent event(String alertId, int seq, AlertEventType type, String rule, String point,
            String enterprise, Level level, Level previous, double value, long eventTime) {
        return new AlertEvent(alertId + "-" + seq + "-" + type, alertId, seq, type, rule, point, enterprise,
                PointKind.GAS_LEL, "%LEL", Direction.HIGH, level, previous, value, 25, eventTime, eventTime, eventTime,
                "T-1", "Z1", point + ": " + value + " %LEL", AlertCategory.PROCESS, null, null, null);
    }

    public static AlertEvent raised(String alertId, String point, String enterprise, Level level, long at) {
        return event(alertId, 1, AlertEventType.RAISED, "combustible-gas", point, enterprise, level, null, 30, at);
    }

    /** The same event with a handling actor and note (acknowledged, closed...). */
    public static AlertEvent handled(AlertEvent e, String eventId, AlertEventType type, String actor, String note,
            long at) {
        return new AlertEvent(eventId, e.alertId(), e.seq(), type, e.ruleId(), e.pointId(), e.enterpriseId(), e.kind(),
                e.unit(), e.direction(), e.level(), null, e.value(), e.limit(), at, at, at, e.tank(), e.zone(),
                type + " by " + actor, e.category(), null, actor, note);
    }
}
