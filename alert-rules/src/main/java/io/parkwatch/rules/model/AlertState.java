package io.parkwatch.rules.model;

/** Where an alert stands. A recovered alert stays on the board (latched) until it is dealt with. */
public enum AlertState {
    ACTIVE,
    RECOVERED
}
