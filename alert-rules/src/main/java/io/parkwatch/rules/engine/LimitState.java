package io.parkwatch.rules.engine;

import io.parkwatch.rules.model.Alert;
import java.util.Arrays;

/**
 * What a threshold rule remembers about one point in one direction between readings.
 * A plain mutable class with public fields so a stream processor can store it as-is.
 */
public final class LimitState {

    public static final long NONE = Long.MIN_VALUE;

    /** Per level (by ordinal): event time since which the limit has been exceeded without a break, or NONE. */
    public long[] exceededSince = {NONE, NONE, NONE};
    /** Event time since which the value has been clear of the deadband, or NONE. */
    public long clearSince = NONE;
    /** Event time of the last reading taken into account. */
    public long lastTimestamp = NONE;
    /** The open alert, or null. */
    public Alert open;

    public LimitState() {
    }

    public boolean isIdle() {
        return open == null && clearSince == NONE && Arrays.stream(exceededSince).allMatch(t -> t == NONE);
    }
}
