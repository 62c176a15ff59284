package io.parkwatch.rules.model;

/**
 * Where an alert stands. A recovered alert stays on the board (latched) until it is dealt with. MASKED and the three
 * after it are an active alarm held back from annunciation ({@link HoldBack}): shown and recorded, not announced.
 * Rule state stores these by ordinal ({@link io.parkwatch.rules.engine.OpenAlert}): values are only appended, and
 * MASKED holds the place SUPPRESSED had.
 */
public enum AlertState {
    ACTIVE,
    /** active and answered by someone */
    ACKNOWLEDGED,
    /** the value is back to normal; the alert stays until acknowledged and closed */
    RECOVERED,
    /** dealt with */
    CLOSED,
    /** active, but masked by a maintenance permit (屏蔽) */
    MASKED,
    /** active, but shelved by an operator for a limited time, with a reason */
    SHELVED,
    /** active, but its instrument is out of service */
    OUT_OF_SERVICE,
    /** active, but the plant's operating mode makes it meaningless (suppressed by design) */
    SUPPRESSED_BY_MODE,
    /**
     * MASKED as earlier versions wrote it: kept only so that their records and checkpoints still read (Flink restores
     * an enum by its names); an alert never carries it ({@link Alert} reads it as MASKED).
     */
    @Deprecated
    SUPPRESSED;

    /** The same state under today's name. */
    public AlertState current() {
        return this == SUPPRESSED ? MASKED : this;
    }

    /** Whether this is an active alarm that is not announced. */
    public boolean heldBack() {
        return ordinal() >= MASKED.ordinal();
    }
}
