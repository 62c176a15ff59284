package io.parkwatch.rules.model;

/** What kind of problem an alert reports; duty officers filter on this. */
public enum AlertCategory {
    /** the process itself: a value, a rate, several points together */
    PROCESS,
    /** an early warning: the process is heading for a limit */
    PREDICTIVE,
    /** the measurement cannot be trusted: offline, stuck, out of range, flagged faulty */
    DATA_QUALITY
}
