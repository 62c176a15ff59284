package io.parkwatch.rules.incident;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The incidents of one position (an enterprise's control room) not yet closed, and what decides its flood: the
 * state {@link IncidentGrouping} keeps. Plain fields, written as JSON, so it can grow without breaking what a
 * checkpoint holds.
 */
public final class IncidentBook {

    /** open and acknowledged incidents, oldest first */
    public List<Incident> incidents = new ArrayList<>();
    /** the last step number of each incident in the book */
    public Map<String, Integer> seqs = new HashMap<>();
    /** event times of the announced raises within the flood window */
    public List<Long> raises = new ArrayList<>();
    public boolean inFlood;
    /** the latest event time seen, and when (wall clock) it was seen: the flood window's clock between events */
    public long lastEventTime;
    public long lastSeenAt;

    /**
     * Event time now, for a flood that ends while no alarm comes: the latest event time seen plus the wall time since.
     * A replay at ten times the speed then ends its floods on its own clock, not the wall's.
     */
    public long eventTimeAt(long wallNow) {
        return lastEventTime + Math.max(0, wallNow - lastSeenAt);
    }

    /** The wall time at which event time will reach {@code eventTime}. */
    public long wallTimeOf(long eventTime) {
        return lastSeenAt + Math.max(0, eventTime - lastEventTime);
    }

    public boolean isEmpty() {
        return incidents.isEmpty() && raises.isEmpty() && !inFlood; // the clock restarts with the next event
    }
}
