package io.parkwatch.rules.incident;

import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;

/**
 * One alarm of an incident, as the incident sees it.
 *
 * @param alertId      the alarm
 * @param ruleId       its rule
 * @param subject      its point (or group)
 * @param kind         what the point measures, or null
 * @param tank         the tank or unit, or null
 * @param zone         the zone, or null
 * @param level        its level now
 * @param raisedAt     event time it was raised, epoch ms
 * @param development  why it is a new development of the incident ("level", "kind", "place"), or null
 * @param acknowledged whether someone has answered it
 * @param closed       whether it is closed
 * @param enterpriseId its enterprise (an incident of the park's links holds alarms of several), or null when written
 *                     by a version that did not record it
 */
public record IncidentAlarm(String alertId, String ruleId, String subject, PointKind kind, String tank, String zone,
        Level level, long raisedAt, String development, boolean acknowledged, boolean closed, String enterpriseId) {

    IncidentAlarm withLevel(Level l) {
        return new IncidentAlarm(alertId, ruleId, subject, kind, tank, zone, l, raisedAt, development, acknowledged,
                closed, enterpriseId);
    }

    IncidentAlarm withAcknowledged(boolean a) {
        return new IncidentAlarm(alertId, ruleId, subject, kind, tank, zone, level, raisedAt, development, a, closed,
                enterpriseId);
    }

    IncidentAlarm withClosed() {
        return new IncidentAlarm(alertId, ruleId, subject, kind, tank, zone, level, raisedAt, development, acknowledged,
                true, enterpriseId);
    }
}
