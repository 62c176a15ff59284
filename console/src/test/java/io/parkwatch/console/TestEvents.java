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
        return AlertEvent.builder().eventId(alertId + "-" + seq + "-" + type).alertId(alertId).seq(seq).type(type)
                .ruleId(rule).pointId(point).enterpriseId(enterprise).kind(PointKind.GAS_LEL).unit("%LEL")
                .direction(Direction.HIGH).level(level).previousLevel(previous).value(value).limit(25)
                .eventTime(eventTime).detectedAt(eventTime).readingReceivedAt(eventTime).tank("T-1").zone("Z1")
                .message(point + ": " + value + " %LEL").category(AlertCategory.PROCESS).build();
    }

    public static AlertEvent raised(String alertId, String point, String enterprise, Level level, long at) {
        return event(alertId, 1, AlertEventType.RAISED, "combustible-gas", point, enterprise, level, null, 30, at);
    }

    /** The same event with a handling actor and note (acknowledged, closed...). */
    public static AlertEvent handled(AlertEvent e, String eventId, AlertEventType type, String actor, String note,
            long at) {
        return AlertEvent.builder().eventId(eventId).alertId(e.alertId()).seq(e.seq()).type(type).ruleId(e.ruleId())
                .pointId(e.pointId()).enterpriseId(e.enterpriseId()).kind(e.kind()).unit(e.unit())
                .direction(e.direction()).level(e.level()).value(e.value()).limit(e.limit()).eventTime(at)
                .detectedAt(at).readingReceivedAt(at).tank(e.tank()).zone(e.zone()).message(type + " by " + actor)
                .category(e.category()).actor(actor).note(note).build();
    }
}
