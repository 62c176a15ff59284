package io.parkwatch.rules.incident;

import io.parkwatch.rules.model.Level;
import java.util.List;

/**
 * Alarms that belong to one event in the park: its first-out (the first alarm, the one that tells what happened)
 * and the alarms grouped under it in the order they came.
 *
 * @param incidentId "inc-" and the first-out's alert id
 * @param enterpriseId the position that answers it: an enterprise, or {@value IncidentGrouping#PARK} for the park's
 *                   links to its loggers (and alarms of no enterprise)
 * @param scope      "process" (the process and its predictions), "data" (the measurement: points offline, data
 *                   quality) or "link" (data loggers offline, at the park's position: a gateway losing every
 *                   device is one incident, whatever number of enterprises and points it silences)
 * @param state      open, acknowledged or closed
 * @param worstLevel the highest level any of its alarms has reached
 * @param openedAt   the first-out's raise, epoch ms (event time)
 * @param updatedAt  the last change, epoch ms
 * @param alarms     the first-out first, then the others in the order they joined
 * @param inFlood    whether its position is in flood now
 */
public record Incident(String incidentId, String enterpriseId, String scope, IncidentState state, Level worstLevel,
        long openedAt, long updatedAt, List<IncidentAlarm> alarms, boolean inFlood) {

    public Incident {
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
    }

    public IncidentAlarm firstOut() {
        return alarms.get(0);
    }

    /** Whether any of its alarms is the enterprise's (or the incident is the enterprise's own). */
    public boolean concerns(String enterprise) {
        return enterprise != null && (enterprise.equals(enterpriseId)
                || alarms.stream().anyMatch(a -> enterprise.equals(a.enterpriseId())));
    }

    /**
     * The incident as an enterprise sees it: at the park's position, only that enterprise's alarms (the first-out
     * then the enterprise's first); its own incidents whole.
     */
    public Incident asSeenBy(String enterprise) {
        if (enterprise == null || enterprise.equals(enterpriseId)) {
            return this;
        }
        List<IncidentAlarm> own = alarms.stream().filter(a -> enterprise.equals(a.enterpriseId())).toList();
        return new Incident(incidentId, enterpriseId, scope, state, worstLevel, openedAt, updatedAt, own, inFlood);
    }
}
