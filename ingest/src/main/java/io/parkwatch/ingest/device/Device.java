package io.parkwatch.ingest.device;

import java.util.Set;

/**
 * A field device or data logger allowed to publish.
 *
 * @param username     MQTT user name
 * @param passwordHash bcrypt hash of its password (never the password itself)
 * @param enterpriseId the only enterprise it may publish readings for
 * @param points       the only points it may publish, or null for any point of its enterprise
 */
public record Device(String username, String passwordHash, String enterpriseId, Set<String> points) {

    public Device(String username, String passwordHash, String enterpriseId) {
        this(username, passwordHash, enterpriseId, null);
    }
}
