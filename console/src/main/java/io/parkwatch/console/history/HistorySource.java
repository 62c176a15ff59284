package io.parkwatch.console.history;

import java.util.List;

/** Readings of a point older than the console's own recent buffer: the time-series store's. */
public interface HistorySource {

    /** One value of a series: a reading, or the mean of a bucket of them. */
    record Sample(long t, double v) {
    }

    /**
     * The point's readings from {@code from} to {@code to}, at most {@code maxSamples}: a long period comes back as
     * means over equal buckets (downsampled where the data lives, not here).
     */
    List<Sample> between(String pointId, long from, long to, int maxSamples) throws Exception;

    /** What to call the store in messages ("InfluxDB at http://..."). */
    String describe();
}
