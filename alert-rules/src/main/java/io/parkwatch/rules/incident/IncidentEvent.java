package io.parkwatch.rules.incident;

/**
 * One step of an incident, with the incident as it stands after it. Ids derive from the incident and the step.
 *
 * @param eventId  the incident's id and the step's number
 * @param seq      1 for OPENED, then counting up
 * @param type     what happened
 * @param alertId  the alarm that caused the step (joined, rose, was acknowledged), or null
 * @param at       event time of the step, epoch ms
 * @param incident the incident after the step
 */
public record IncidentEvent(String eventId, int seq, IncidentEventType type, String alertId, long at,
        Incident incident) {
}
