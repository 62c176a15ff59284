package io.parkwatch.console.context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The latest alarm contexts, as the console follows their topic: the most recent {@code capacity}, by alert id. */
public final class ContextStore {

    private final Map<String, AlarmContext> byAlert;

    public ContextStore(int capacity) {
        this.byAlert = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AlarmContext> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void add(AlarmContext c) {
        AlarmContext had = byAlert.get(c.alertId());
        if (had == null || !had.complete() || c.complete()) {
            byAlert.put(c.alertId(), c);
        }
    }

    public synchronized Optional<AlarmContext> get(String alertId) {
        return Optional.ofNullable(byAlert.get(alertId));
    }
}
