package io.parkwatch.console.board;

import io.parkwatch.rules.model.Alert;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The alerts a console shows: the latest state of each alert, as read from the alerts topic, and
 * listeners told of every change (the WebSocket clients).
 */
public final class AlertBoard {

    /** Unanswered first (active, then recovered-unacknowledged), then answered, closed last; then severity, newest. */
    public static final Comparator<Alert> BOARD_ORDER = Comparator
            .comparing(AlertBoard::urgency)
            .thenComparing(Alert::level, Comparator.reverseOrder())
            .thenComparing(Alert::raisedAt, Comparator.reverseOrder());

    private final Map<String, Alert> alerts = new ConcurrentHashMap<>();

    static int urgency(Alert a) {
        boolean answered = a.handling() != null && a.handling().acknowledged();
        return switch (a.state()) {
            case ACTIVE -> 0;
            case RECOVERED -> answered ? 4 : 1;
            case ACKNOWLEDGED -> 2;
            case MASKED, SHELVED, OUT_OF_SERVICE, SUPPRESSED_BY_MODE, SUPPRESSED -> 3;
            case CLOSED -> 5;
        };
    }
    private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();

    /** Takes a newer state of an alert; an older one (replayed, out of order) is ignored. */
    public void update(Alert a) {
        Alert[] changed = new Alert[1];
        alerts.compute(a.alertId(), (id, old) -> {
            if (old != null && old.lastSeq() > a.lastSeq()) {
                return old;
            }
            if (old == null || !old.equals(a)) {
                changed[0] = a;
            }
            return a;
        });
        if (changed[0] != null) {
            listeners.forEach(l -> l.accept(changed[0]));
        }
    }

    public List<Alert> list(Predicate<Alert> filter) {
        return alerts.values().stream().filter(filter).sorted(BOARD_ORDER).toList();
    }

    public java.util.Optional<Alert> get(String alertId) {
        return java.util.Optional.ofNullable(alerts.get(alertId));
    }

    public int size() {
        return alerts.size();
    }

    public void onChange(Consumer<Alert> listener) {
        listeners.add(listener);
    }
}
