package io.parkwatch.rules.risk;

import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;

/**
 * An alarm not yet closed, as the risk assessment sees it.
 *
 * @param alertId      the alarm
 * @param enterpriseId its enterprise
 * @param subject      its point or group ({@code logger:<id>} for a data logger offline)
 * @param ruleType     its rule's kind ({@code threshold}, {@code stale}, {@code shutdown-activity}...), or null
 * @param level        its level now
 * @param kind         what the point measures, or null
 * @param category     process, predictive or data quality
 * @param raisedAt     when it was raised (event time), epoch ms
 * @param acknowledged whether someone has answered it (叫应)
 * @param announced    whether it is announced (not masked, shelved, out of service or suppressed by mode)
 */
public record OpenAlarm(String alertId, String enterpriseId, String subject, String ruleType, Level level,
        PointKind kind, AlertCategory category, long raisedAt, boolean acknowledged, boolean announced) {

    OpenAlarm withLevel(Level l) {
        return new OpenAlarm(alertId, enterpriseId, subject, ruleType, l, kind, category, raisedAt, acknowledged,
                announced);
    }

    OpenAlarm withAcknowledged(boolean a) {
        return new OpenAlarm(alertId, enterpriseId, subject, ruleType, level, kind, category, raisedAt, a, announced);
    }

    OpenAlarm withAnnounced(boolean a) {
        return new OpenAlarm(alertId, enterpriseId, subject, ruleType, level, kind, category, raisedAt, acknowledged, a);
    }

    /** A whole data logger silent (the stale rule's group alarm). */
    public boolean loggerOffline() {
        return subject != null && subject.startsWith("logger:");
    }
}
