package io.parkwatch.rules.engine;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic ids: the same alert raised by the same reading always gets the same id, and so do
 * its events. After a failure the job replays readings and re-emits events with identical ids, which
 * is what lets the Kafka and InfluxDB outputs be idempotent without transactions.
 */
public final class AlertIds {

    private AlertIds() {
    }

    public static String alertId(String ruleId, String pointId, String subject, long raisedAt) {
        return uuid("alert|" + ruleId + "|" + pointId + "|" + subject + "|" + raisedAt);
    }

    public static String eventId(String alertId, int seq) {
        return uuid("event|" + alertId + "|" + seq);
    }

    /** An event derived from another thing (a command, an escalation step, a remapped detection event). */
    public static String eventId(String alertId, String seed) {
        return uuid("event|" + alertId + "|" + seed);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
