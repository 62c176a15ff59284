package io.parkwatch.rules.engine;

/**
 * The recent samples of one point over a time window, kept as the means of equal time buckets
 * (capacity buckets per window): memory stays bounded whatever the reporting rate, and the whole
 * window stays evenly covered. Public fields so stream processors can store it as-is.
 *
 * <p>Per-point rules share one compact {@link PointHistory} instead; this shape stays for the group stage's
 * members (composite rules) and for the state of earlier versions ({@link WindowSlice}), whose stored layout
 * must not change.
 */
public final class SampleWindow {

    /** Mean time of the samples in each bucket, oldest first. */
    public long[] times = new long[0];
    /** Mean value of the samples in each bucket. */
    public double[] values = new double[0];
    /** Samples in each bucket. */
    public int[] counts = new int[0];
    public int size;

    public SampleWindow() {
    }

    public SampleWindow(int capacity) {
        times = new long[capacity];
        values = new double[capacity];
        counts = new int[capacity];
    }

    /** Adds a sample (ignored if older than the newest) and drops buckets older than {@code windowMs} before it. */
    public void add(long ts, double v, long windowMs) {
        if (size > 0 && ts < times[size - 1]) {
            return;
        }
        long bucketMs = Math.max(1, windowMs / times.length);
        if (size > 0 && Math.floorDiv(ts, bucketMs) == Math.floorDiv(times[size - 1], bucketMs)) {
            int i = size - 1;
            int n = counts[i] + 1;
            times[i] += (ts - times[i]) / n;
            values[i] += (v - values[i]) / n;
            counts[i] = n;
        } else {
            if (size == times.length) {
                shift(1);
            }
            times[size] = ts;
            values[size] = v;
            counts[size] = 1;
            size++;
        }
        int drop = 0;
        while (drop < size - 1 && times[drop] < ts - windowMs) {
            drop++;
        }
        shift(drop);
    }

    private void shift(int n) {
        if (n <= 0) {
            return;
        }
        System.arraycopy(times, n, times, 0, size - n);
        System.arraycopy(values, n, values, 0, size - n);
        System.arraycopy(counts, n, counts, 0, size - n);
        size -= n;
    }

    /** Adds a sample, then fits a line if the samples cover most of the window (else null: too little history). */
    public LineFit addAndFit(long ts, double v, long windowMs, int minSamples) {
        add(ts, v, windowMs);
        return spanMs() >= windowMs * 3 / 4 && size >= minSamples ? fit() : null;
    }

    /** Time covered, first to last sample. */
    public long spanMs() {
        return size < 2 ? 0 : times[size - 1] - times[0];
    }

    /** Least-squares fit of value over time (per minute), with the spread of the slope. */
    public LineFit fit() {
        return LineFit.through(new LineFit.Samples() {
            @Override
            public long time(int i) {
                return times[i];
            }

            @Override
            public double value(int i) {
                return values[i];
            }
        }, 0, size);
    }
}
