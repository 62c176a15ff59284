package io.parkwatch.ingest.net;

/**
 * A token bucket of readings per second for one connection: up to {@code perSecond} readings in any
 * second, with a burst of one second's worth. Not thread-safe: one per connection, used on its event loop.
 */
public final class ReadingRate {

    private final double perSecond;
    private double tokens;
    private long last;

    public ReadingRate(int perSecond) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.last = System.nanoTime();
    }

    /** Takes {@code n} readings' worth if there is room; false (and nothing taken) if not. */
    public boolean take(int n, long nowNanos) {
        tokens = Math.min(perSecond, tokens + (nowNanos - last) / 1e9 * perSecond);
        last = nowNanos;
        if (n > tokens) {
            return false;
        }
        tokens -= n;
        return true;
    }
}
