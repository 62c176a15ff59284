package io.parkwatch.rules.model;

/**
 * Severity of an alert. Ordered from least to most severe, so {@code compareTo} ranks them.
 * GB/T 50493 calls ALARM "level 1" and CRITICAL "level 2"; WARN is an engineering pre-alarm.
 */
public enum Level {
    WARN,
    ALARM,
    CRITICAL;

    public boolean isAbove(Level other) {
        return other == null || compareTo(other) > 0;
    }

    public static Level parse(String text) {
        for (Level l : values()) {
            if (l.name().equalsIgnoreCase(text)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown level '" + text + "' (expected warn, alarm or critical)");
    }

    public String label() {
        return name().toLowerCase();
    }
}
