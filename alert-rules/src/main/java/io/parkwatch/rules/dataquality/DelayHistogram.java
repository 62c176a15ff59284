package io.parkwatch.rules.dataquality;

import java.util.Map;
import java.util.TreeMap;

/**
 * Delays (ms) counted in logarithmic buckets, each 2 % wider than the one before, kept sparse: a point's delays
 * cluster in a few buckets, so an hour of them takes a few dozen numbers, and histograms of points add up to a
 * logger's or an enterprise's. Quantiles are within 2 % of the true value (the bucket's midpoint). HdrHistogram
 * keeps a dense array (kilobytes per histogram at this range), too much for one per point and hour.
 */
public final class DelayHistogram {

    static final double GAMMA = 1.02;
    private static final double LOG_GAMMA = Math.log(GAMMA);

    /** bucket index -> count; index 0 holds delays of 1 ms or less (clock skew makes some negative) */
    public TreeMap<Integer, Long> buckets = new TreeMap<>();

    public void add(long delayMs) {
        buckets.merge(index(delayMs), 1L, Long::sum);
    }

    public void addAll(DelayHistogram other) {
        other.buckets.forEach((k, v) -> buckets.merge(k, v, Long::sum));
    }

    public long count() {
        long n = 0;
        for (long c : buckets.values()) {
            n += c;
        }
        return n;
    }

    /** The delay at quantile {@code q} (0.5 the median, 0.95), or -1 without delays. */
    public long quantile(double q) {
        long n = count();
        if (n == 0) {
            return -1;
        }
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (Map.Entry<Integer, Long> b : buckets.entrySet()) {
            seen += b.getValue();
            if (seen >= Math.max(1, rank)) {
                return value(b.getKey());
            }
        }
        return value(buckets.lastKey());
    }

    static int index(long delayMs) {
        return delayMs <= 1 ? 0 : (int) Math.ceil(Math.log(delayMs) / LOG_GAMMA);
    }

    /** The bucket's midpoint: within 1 % of any delay in it. */
    static long value(int index) {
        if (index == 0) {
            return 0;
        }
        double upper = Math.pow(GAMMA, index);
        return Math.round(upper * 2 / (1 + GAMMA));
    }
}
