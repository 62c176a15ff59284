package io.parkwatch.rules.model;

/** What happened to an alert. Issue-specific life-cycle steps (acknowledge, close) extend this list. */
public enum AlertEventType {
    RAISED,
    LEVEL_CHANGED,
    RECOVERED
}
