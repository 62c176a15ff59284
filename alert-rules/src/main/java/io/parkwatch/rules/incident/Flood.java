package io.parkwatch.rules.incident;

import java.time.Duration;

/**
 * What "in flood" means, once for the whole product (EEMUA 191): more than {@code above} alarms announced to one
 * position within {@code window}. The live incidents and the alarm performance page use the same definition;
 * tests shorten it.
 *
 * @param above  a flood is more alarms than this
 * @param window within this sliding window
 */
public record Flood(int above, Duration window) implements java.io.Serializable {

    /** EEMUA 191: more than 10 alarms in 10 minutes. */
    public static final Flood EEMUA_191 = new Flood(10, Duration.ofMinutes(10));

    public Flood {
        if (above < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a flood needs a count of at least 1 and a positive window");
        }
    }
}
