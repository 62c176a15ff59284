package io.parkwatch.rules.config;

import java.util.Set;

/**
 * An enterprise (plant) in the park.
 *
 * @param shutDown      the whole plant is marked shut down (停产): process activity there is itself an alarm
 * @param shutDownUnits tanks or units marked shut down while the rest of the plant runs
 */
public record Enterprise(String id, String name, boolean shutDown, Set<String> shutDownUnits) {

    public Enterprise {
        shutDownUnits = shutDownUnits == null ? Set.of() : Set.copyOf(shutDownUnits);
    }

    public Enterprise(String id, String name) {
        this(id, name, false, Set.of());
    }
}
