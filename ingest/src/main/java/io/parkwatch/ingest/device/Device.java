package io.parkwatch.ingest.device;

/**
 * A field device or data logger allowed to publish.
 *
 * @param username     MQTT user name
 * @param passwordHash bcrypt hash of its password (never the password itself)
 * @param enterpriseId the only enterprise it may publish readings for
 */
public record Device(String username, String passwordHash, String enterpriseId) {
}
