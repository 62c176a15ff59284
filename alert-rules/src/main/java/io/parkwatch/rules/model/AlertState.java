package io.parkwatch.rules.model;

/** Where an alert stands. A recovered alert stays on the board (latched) until it is dealt with. */
public enum AlertState {
    ACTIVE,
    RECOVERED,
    /** active, but masked by a maintenance permit: shown and recorded, not announced */
    SUPPRESSED
}
