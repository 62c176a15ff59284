package io.parkwatch.console.notify;

/**
 * What happened to one delivery (one event on one channel), kept on the compacted deliveries topic.
 *
 * @param status    DELIVERED, FAILED (an attempt failed; retrying), GAVE_UP, or FOLDED (told in a flood's digest
 *                  of its incident instead, see {@link FloodFolding})
 * @param attempts  attempts so far
 * @param lastError the last failure, if any
 */
public record DeliveryRecord(String channel, String eventId, String alertId, String status, int attempts,
        String lastError, long at) {

    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
    public static final String GAVE_UP = "GAVE_UP";
    public static final String FOLDED = "FOLDED";

    public String key() {
        return channel + "|" + eventId;
    }

    public boolean done() {
        return DELIVERED.equals(status) || GAVE_UP.equals(status) || FOLDED.equals(status);
    }
}
