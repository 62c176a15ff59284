package io.parkwatch.rules.engine;

import io.parkwatch.rules.model.Level;

/**
 * The limits of one direction of a threshold rule; a null limit means that level is not used.
 * For a high limit set warn &lt; alarm &lt; critical; for a low one warn &gt; alarm &gt; critical.
 */
public record Limits(Double warn, Double alarm, Double critical) {

    public Double of(Level level) {
        return switch (level) {
            case WARN -> warn;
            case ALARM -> alarm;
            case CRITICAL -> critical;
        };
    }

    public boolean isEmpty() {
        return warn == null && alarm == null && critical == null;
    }

    /** The least severe level in use: the alert clears only when the value is back past this one. */
    public Level lowestLevel() {
        for (Level l : Level.values()) {
            if (of(l) != null) {
                return l;
            }
        }
        return null;
    }
}
