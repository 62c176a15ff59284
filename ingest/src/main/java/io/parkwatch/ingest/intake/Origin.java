package io.parkwatch.ingest.intake;

/**
 * Who sent a payload, as far as the gateway knows.
 *
 * @param source       protocol: mqtt, hj212, http
 * @param clientId     MQTT client id or data logger id
 * @param username     the authenticated device
 * @param enterpriseId the enterprise the device may publish for, or null for any
 * @param remote       remote address
 */
public record Origin(String source, String clientId, String username, String enterpriseId, String remote) {
}
