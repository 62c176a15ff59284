package io.parkwatch.console.incident;

import io.parkwatch.rules.incident.Incident;
import io.parkwatch.rules.incident.IncidentEvent;
import io.parkwatch.rules.incident.IncidentEventType;
import io.parkwatch.rules.incident.IncidentState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The incidents as the job reports them on {@code parkwatch.incidents}: each one as it stands now and its steps, and
 * which positions are in flood. Bounded: beyond {@code max} incidents the oldest closed ones are forgotten first.
 */
public final class IncidentStore implements io.parkwatch.console.notify.FloodFolding.Incidents {

    /** One step of an incident's timeline (without the incident it carried). */
    public record Step(int seq, IncidentEventType type, String alertId, long at) {
    }

    private final int max;
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final Map<String, List<Step>> timelines = new LinkedHashMap<>();
    private final Set<String> flooded = new TreeSet<>();
    /** alert id -> the incident it belongs to */
    private final Map<String, String> byAlert = new java.util.HashMap<>();

    public IncidentStore(int max) {
        this.max = max;
    }

    public synchronized void add(IncidentEvent e) {
        Incident i = e.incident();
        String id = i.incidentId();
        List<Step> steps = timelines.computeIfAbsent(id, k -> new ArrayList<>());
        if (steps.stream().anyMatch(s -> s.seq() == e.seq())) {
            return; // delivered again
        }
        steps.add(new Step(e.seq(), e.type(), e.alertId(), e.at()));
        steps.sort(Comparator.comparingInt(Step::seq));
        Incident known = incidents.get(id);
        if (known == null || steps.get(steps.size() - 1).seq() == e.seq()) {
            incidents.put(id, i);
            i.alarms().forEach(a -> byAlert.put(a.alertId(), id));
        }
        if (e.type() == IncidentEventType.FLOOD_STARTED) {
            flooded.add(i.enterpriseId());
        } else if (e.type() == IncidentEventType.FLOOD_ENDED) {
            flooded.remove(i.enterpriseId());
        }
        forgetBeyondMax();
    }

    private void forgetBeyondMax() {
        var it = incidents.entrySet().iterator();
        while (incidents.size() > max && it.hasNext()) {
            var next = it.next();
            if (next.getValue().state() == IncidentState.CLOSED || incidents.size() > 2 * max) {
                it.remove();
                timelines.remove(next.getKey());
                next.getValue().alarms().forEach(a -> byAlert.remove(a.alertId(), next.getKey()));
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
        return List.copyOf(timelines.getOrDefault(id, List.of()));
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
