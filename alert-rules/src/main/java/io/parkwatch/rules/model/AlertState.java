package io.parkwatch.rules.model;

/** Where an alert stands. A recovered alert stays on the board (latched) until it is dealt with. */
public enum AlertState {
    ACTIVE,
    /** active and answered by someone */
    ACKNOWLEDGED,
    /** the value is back to normal; the alert stays until acknowledged and closed */
    RECOVERED,
    /** dealt with */
    CLOSED,
    /** active, but masked by a maintenance permit: shown and recorded, not announced */
    SUPPRESSED
}
