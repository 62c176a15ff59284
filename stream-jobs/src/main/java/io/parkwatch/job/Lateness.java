package io.parkwatch.job;

import java.io.Serializable;
import java.time.Duration;

/**
 * Which readings behind the watermark are still evaluated. The watermark is one clock for a whole partition, and a
 * partition carries the readings of many devices through several gateways: when a broker fails over, each gateway
 * holds what it had for that partition (seconds, up to its delivery timeout) and then delivers it, one gateway's
 * held readings after another's newer ones. A point's own readings still come in order (one device, one gateway,
 * an idempotent producer), so its rules can judge them as they would have on time.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>A reading at or after the watermark is evaluated.</li>
 *   <li>A reading behind the watermark by more than the allowed lateness is LATE.</li>
 *   <li>A reading behind the watermark and behind its point's latest evaluated reading is LATE: its point has moved
 *       on, and the point's rules assume time moves forward.</li>
 *   <li>Otherwise (behind the watermark, not behind its point) it is evaluated.</li>
 * </ol>
 *
 * @param allowedMs how far behind the watermark an in-order reading may be (the gateway's delivery timeout: what it
 *                  may have held)
 */
public record Lateness(long allowedMs) implements Serializable {

    /** The default of parkwatch.yaml: 2 minutes, the gateway's default delivery timeout. */
    public static final Lateness DEFAULT = new Lateness(Duration.ofMinutes(2).toMillis());

    public Lateness {
        if (allowedMs < 0) {
            throw new IllegalArgumentException("allowed lateness must not be negative, got " + allowedMs + " ms");
        }
    }

    public static Lateness of(Duration allowed) {
        return new Lateness(allowed.toMillis());
    }

    /**
     * @param pointLatest the timestamp of the point's latest evaluated reading, null if none yet
     * @return whether the reading is evaluated (false: it is LATE)
     */
    public boolean evaluated(long timestamp, long watermark, Long pointLatest) {
        if (timestamp >= watermark) {
            return true;
        }
        if (watermark - timestamp > allowedMs) {
            return false;
        }
        return pointLatest == null || timestamp >= pointLatest;
    }
}
