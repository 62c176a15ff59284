package io.parkwatch.console.incident;

import io.parkwatch.rules.incident.Incident;
import io.parkwatch.rules.incident.IncidentEvent;
import io.parkwatch.rules.incident.IncidentEventType;
import io.parkwatch.rules.incident.IncidentState;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The incidents as the job reports them on {@code parkwatch.incidents}: each one as it stands now and its steps, and
 * which positions are in flood. Bounded: beyond {@code max} incidents the oldest closed ones are forgotten first.
 *
 * <p>A published incident carries at most {@link Incident#CARRIED} of its alarms; its whole membership is kept here
 * from the steps, each of which names the alarm it is about. A step costs the same whatever the incident's size.
 */
public final class IncidentStore implements io.parkwatch.console.notify.FloodFolding.Incidents {

    /** One step of an incident's timeline (without the incident it carried). */
    public record Step(int seq, IncidentEventType type, String alertId, long at) {
    }

    private static final Set<IncidentEventType> JOINS = EnumSet.of(IncidentEventType.OPENED, IncidentEventType.GROWN,
            IncidentEventType.DEVELOPED);
    private final int max;
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final Map<String, NavigableMap<Integer, Step>> timelines = new LinkedHashMap<>();
    /** incident id -> every alarm it has (carried by an event or named by a step) */
    private final Map<String, Set<String>> members = new HashMap<>();
    private final Set<String> flooded = new TreeSet<>();
    private final List<BiConsumer<String, Boolean>> floodListeners = new CopyOnWriteArrayList<>();
    /** alert id -> the incident it belongs to */
    private final Map<String, String> byAlert = new HashMap<>();

    public IncidentStore(int max) {
        this.max = max;
    }

    /**
     * Told when a position goes into flood ({@code true}) or out of it, after this store has it, on the thread that
     * added the step: the boards switch to the incidents at once instead of at their next look.
     */
    public void onFlood(BiConsumer<String, Boolean> listener) {
        floodListeners.add(listener);
    }

    public void add(IncidentEvent e) {
        Boolean flood = store(e);
        if (flood != null) {
            floodListeners.forEach(l -> l.accept(e.incident().enterpriseId(), flood));
        }
    }

    /** Keeps the step; answers whether its position went into flood (true) or out (false), or null for neither. */
    private synchronized Boolean store(IncidentEvent e) {
        Incident i = e.incident();
        String id = i.incidentId();
        NavigableMap<Integer, Step> steps = timelines.computeIfAbsent(id, k -> new TreeMap<>());
        if (steps.putIfAbsent(e.seq(), new Step(e.seq(), e.type(), e.alertId(), e.at())) != null) {
            return null; // delivered again
        }
        // the carried alarms (at most CARRIED: a console that starts late knows these), and a join names its alarm
        i.alarms().forEach(a -> member(id, a.alertId()));
        if (e.alertId() != null && JOINS.contains(e.type())) {
            member(id, e.alertId());
        }
        if (steps.lastKey() == e.seq()) {
            incidents.put(id, i);
        }
        Boolean flood = null;
        if (e.type() == IncidentEventType.FLOOD_STARTED && flooded.add(i.enterpriseId())) {
            flood = true;
        } else if (e.type() == IncidentEventType.FLOOD_ENDED && flooded.remove(i.enterpriseId())) {
            flood = false;
        }
        forgetBeyondMax();
        return flood;
    }

    private void member(String incident, String alertId) {
        members.computeIfAbsent(incident, k -> new LinkedHashSet<>()).add(alertId);
        byAlert.put(alertId, incident);
    }

    private void forgetBeyondMax() {
        var it = incidents.entrySet().iterator();
        while (incidents.size() > max && it.hasNext()) {
            var next = it.next();
            if (next.getValue().state() == IncidentState.CLOSED || incidents.size() > 2 * max) {
                it.remove();
                timelines.remove(next.getKey());
                Set<String> gone = members.remove(next.getKey());
                if (gone != null) {
                    gone.forEach(a -> byAlert.remove(a, next.getKey()));
                }
            }
        }
    }

    /** The incidents that pass the filter, the latest change first. */
    public synchronized List<Incident> list(Predicate<Incident> filter) {
        return incidents.values().stream().filter(filter)
                .sorted(Comparator.comparingLong(Incident::updatedAt).reversed()).toList();
    }

    public synchronized Optional<Incident> get(String id) {
        return Optional.ofNullable(incidents.get(id));
    }

    public synchronized List<Step> timeline(String id) {
        NavigableMap<Integer, Step> steps = timelines.get(id);
        return steps == null ? List.of() : List.copyOf(steps.values());
    }

    /** Every alarm of the incident, the first-out first, as the steps named them (none for an unknown incident). */
    public synchronized List<String> members(String id) {
        return List.copyOf(members.getOrDefault(id, Set.of()));
    }

    /** The incident an alarm belongs to. */
    @Override
    public synchronized Optional<Incident> of(String alertId) {
        String id = byAlert.get(alertId);
        return id == null ? Optional.empty() : Optional.ofNullable(incidents.get(id));
    }

    /** The positions (enterprises) in flood now. */
    @Override
    public synchronized Set<String> inFlood() {
        return Set.copyOf(flooded);
    }
}
