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
 * @param alarms     the first-out first, then the others in the order they joined; as published, at most
 *                   {@link #CARRIED} of them (see {@link #carrying})
 * @param inFlood    whether its position is in flood now
 * @param alarmCount how many alarms it has, whether carried or not (never fewer than {@code alarms})
 */
public record Incident(String incidentId, String enterpriseId, String scope, IncidentState state, Level worstLevel,
        long openedAt, long updatedAt, List<IncidentAlarm> alarms, boolean inFlood, int alarmCount) {

    /**
     * The most alarms a published incident carries: a flood's incident of thousands would make every one of its
     * events larger than a Kafka record may be (1 MB), and each a cost in proportion to its size for every reader.
     */
    public static final int CARRIED = 200;

    public Incident {
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
        alarmCount = Math.max(alarmCount, alarms.size());
    }

    /** An incident whose every alarm is in {@code alarms}. */
    public Incident(String incidentId, String enterpriseId, String scope, IncidentState state, Level worstLevel,
            long openedAt, long updatedAt, List<IncidentAlarm> alarms, boolean inFlood) {
        this(incidentId, enterpriseId, scope, state, worstLevel, openedAt, updatedAt, alarms, inFlood, 0);
    }

    /**
     * The incident as published: its first-out and its latest {@code max - 1} alarms, in their order, and the count
     * of all (itself when it has no more than {@code max}). Readers keep the membership from the steps, each of
     * which names its alarm.
     */
    public Incident carrying(int max) {
        if (alarms.size() <= max) {
            return this;
        }
        List<IncidentAlarm> carried = new java.util.ArrayList<>(max);
        carried.add(alarms.get(0));
        carried.addAll(alarms.subList(alarms.size() - (max - 1), alarms.size()));
        return new Incident(incidentId, enterpriseId, scope, state, worstLevel, openedAt, updatedAt, carried, inFlood,
                alarmCount);
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
