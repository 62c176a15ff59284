package io.parkwatch.console.history;

import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every life-cycle event of the alerts the console knows, per alert: the detail view's timeline and
 * the source of the alarm performance figures. Bounded: beyond {@code maxEvents} the alerts seen
 * longest ago are forgotten first (InfluxDB keeps the full audit trail).
 */
public final class AlertHistory {

    /** Timeline order: when the job produced the event, then its sequence. */
    public static final Comparator<AlertEvent> TIMELINE = Comparator.comparingLong(AlertEvent::detectedAt)
            .thenComparingInt(AlertEvent::seq);

    private final int maxEvents;
    private final Map<String, List<AlertEvent>> byAlert = new LinkedHashMap<>();
    private final List<Consumer<AlertEvent>> listeners = new CopyOnWriteArrayList<>();
    /** The latest shelve or unshelve of each alarm (rule, subject, direction): shelving belongs to the alarm. */
    private final Map<String, AlertEvent> shelving = new java.util.HashMap<>();
    private int size;

    public AlertHistory(int maxEvents) {
        this.maxEvents = maxEvents;
    }

    /** Adds an event; a repeat of one already known (at-least-once delivery, replays) is ignored. */
    public void add(AlertEvent e) {
        synchronized (this) {
            List<AlertEvent> events = byAlert.computeIfAbsent(e.alertId(), k -> new ArrayList<>());
            if (events.stream().anyMatch(x -> x.eventId().equals(e.eventId()))) {
                return;
            }
            events.add(e);
            size++;
            if (e.type() == AlertEventType.SHELVED || e.type() == AlertEventType.UNSHELVED) {
                shelving.merge(io.parkwatch.rules.model.Alert.key(e.ruleId(), e.pointId(), e.direction()), e,
                        (had, now) -> TIMELINE.compare(now, had) >= 0 ? now : had);
            }
            evict();
        }
        listeners.forEach(l -> l.accept(e));
    }

    private void evict() {
        Iterator<Map.Entry<String, List<AlertEvent>>> oldest = byAlert.entrySet().iterator();
        while (size > maxEvents && oldest.hasNext()) {
            size -= oldest.next().getValue().size();
            oldest.remove();
        }
    }

    public synchronized List<AlertEvent> timeline(String alertId) {
        List<AlertEvent> events = new ArrayList<>(byAlert.getOrDefault(alertId, List.of()));
        events.sort(TIMELINE);
        return events;
    }

    /** Events whose event time lies in [from, to), of the alerts that pass the filter. */
    public synchronized List<AlertEvent> between(long from, long to, Predicate<AlertEvent> filter) {
        List<AlertEvent> out = new ArrayList<>();
        for (List<AlertEvent> events : byAlert.values()) {
            for (AlertEvent e : events) {
                if (e.eventTime() >= from && e.eventTime() < to && filter.test(e)) {
                    out.add(e);
                }
            }
        }
        out.sort(Comparator.comparingLong(AlertEvent::eventTime).thenComparingInt(AlertEvent::seq));
        return out;
    }

    /**
     * The shelving in force for an alarm (its rule, subject and direction): its SHELVED event (who, why, until), if
     * the latest shelve or unshelve of the alarm is a shelve.
     */
    public synchronized java.util.Optional<AlertEvent> shelving(String alertKey) {
        AlertEvent e = shelving.get(alertKey);
        return e != null && e.type() == AlertEventType.SHELVED ? java.util.Optional.of(e) : java.util.Optional.empty();
    }

    /** The version of its rule an alert was raised under (from its first event that says), or null. */
    public synchronized String ruleVersion(String alertId) {
        return byAlert.getOrDefault(alertId, List.of()).stream().filter(e -> e.ruleVersion() != null)
                .min(TIMELINE).map(AlertEvent::ruleVersion).orElse(null);
    }

    public synchronized int size() {
        return size;
    }

    public void onEvent(Consumer<AlertEvent> listener) {
        listeners.add(listener);
    }
}
