package io.parkwatch.rules.incident;

/** What happened to an incident. Only appended to. */
public enum IncidentEventType {
    /** its first alarm (the first-out) was raised */
    OPENED,
    /** another alarm joined it */
    GROWN,
    /** an alarm joined that changes what the incident is: a higher level, a new kind of measurement, a new place */
    DEVELOPED,
    /** every open alarm is acknowledged */
    ACKNOWLEDGED,
    /** an alarm is unacknowledged again (back from shelving) or a new one came: it needs an answer */
    REOPENED,
    /** every alarm is closed */
    CLOSED,
    /** the position's alarms came faster than a person can handle (see {@link Flood}) */
    FLOOD_STARTED,
    /** and no longer do */
    FLOOD_ENDED
}
