package io.parkwatch.rules.incident;

/** Where an incident stands, from its alarms. */
public enum IncidentState {
    /** at least one alarm nobody has acknowledged */
    OPEN,
    /** every alarm still open has been acknowledged */
    ACKNOWLEDGED,
    /** every alarm is closed */
    CLOSED
}
