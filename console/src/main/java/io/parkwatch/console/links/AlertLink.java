package io.parkwatch.console.links;

/**
 * What a signed link lets its holder do: see one alert and acknowledge it, as one person of the contacts file, until
 * a time.
 *
 * @param alertId   the alert
 * @param alertKey  its life-cycle key (the command is routed by it)
 * @param personId  the person of the contacts file the link was sent to
 * @param expiresAt epoch seconds
 */
public record AlertLink(String alertId, String alertKey, String personId, long expiresAt) {
}
