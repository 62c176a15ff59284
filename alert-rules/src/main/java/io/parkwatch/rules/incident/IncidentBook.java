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

    public boolean isEmpty() {
        return incidents.isEmpty() && raises.isEmpty() && !inFlood;
    }
}
