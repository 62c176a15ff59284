package io.parkwatch.ingest.intake;

import java.util.Set;

/**
 * Who sent a payload, as far as the gateway knows.
 *
 * @param source        protocol: mqtt, hj212, bridge
 * @param clientId      MQTT client id or data logger MN
 * @param username      the authenticated device
 * @param enterpriseId  the enterprise the device may publish for, or null for any
 * @param remote        remote address
 * @param allowedPoints the only points the device may publish, or null for any of its enterprise
 */
public record Origin(String source, String clientId, String username, String enterpriseId, String remote,
        Set<String> allowedPoints) {

    public Origin(String source, String clientId, String username, String enterpriseId, String remote) {
        this(source, clientId, username, enterpriseId, remote, null);
    }

    /** Who sent a reading, as it travels with it: {@code mqtt:<device>}, {@code hj212:<MN>}, {@code bridge:<client>}. */
    public String readingSource() {
        String who = username != null ? username : clientId;
        return who == null ? source : source + ":" + who;
    }

    public boolean mayPublish(String pointId) {
        return allowedPoints == null || allowedPoints.contains(pointId);
    }
}
