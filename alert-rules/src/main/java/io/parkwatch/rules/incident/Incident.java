package io.parkwatch.rules.incident;

import io.parkwatch.rules.model.Level;
import java.util.List;

/**
 * Alarms that belong to one event in the park: its first-out (the first alarm, the one that tells what happened)
 * and the alarms grouped under it in the order they came.
 *
 * @param incidentId "inc-" and the first-out's alert id
 * @param enterpriseId the position that answers it
 * @param scope      "process" (the process and its predictions) or "data" (the measurement: loggers offline,
 *                   data quality); a logger falling silent is one data incident whatever number of points it
 *                   silences
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
}
