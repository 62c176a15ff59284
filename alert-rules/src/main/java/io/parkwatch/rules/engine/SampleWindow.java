package io.parkwatch.rules.engine;

import java.util.Arrays;

/**
 * The recent (time, value) samples of one point over a time window, in a ring buffer with a fixed
 * capacity: when full, it keeps every other sample (thinning the old half), so memory stays bounded
 * whatever the reporting rate. Public fields so stream processors can store it as-is.
 */
public final class SampleWindow {

    public long[] times = new long[0];
    public double[] values = new double[0];
    public int size;

    public SampleWindow() {
    }

    public SampleWindow(int capacity) {
        times = new long[capacity];
        values = new double[capacity];
    }

    /** Adds a sample (ignored if older than the newest) and drops those older than {@code windowMs} before it. */
    public void add(long ts, double v, long windowMs) {
        if (size > 0 && ts < times[size - 1]) {
            return;
        }
        int drop = 0;
        while (drop < size && times[drop] < ts - windowMs) {
            drop++;
        }
        if (drop > 0) {
            System.arraycopy(times, drop, times, 0, size - drop);
            System.arraycopy(values, drop, values, 0, size - drop);
            size -= drop;
        }
        if (size == times.length) {
            thin();
        }
        times[size] = ts;
        values[size] = v;
        size++;
    }

    private void thin() {
        int half = size / 2;
        int w = 0;
        for (int r = 0; r < size; r++) {
            if (r >= half || r % 2 == 0) {
                times[w] = times[r];
                values[w] = values[r];
                w++;
            }
        }
        size = w;
        if (size == times.length) { // capacity 0 or 1
            times = Arrays.copyOf(times, Math.max(2, times.length * 2));
            values = Arrays.copyOf(values, times.length);
        }
    }

    /** Time covered, first to last sample. */
    public long spanMs() {
        return size < 2 ? 0 : times[size - 1] - times[0];
    }

    /** Least-squares fit of value over time (per minute), with the spread of the slope. */
    public Fit fit() {
        if (size < 3) {
            return null;
        }
        double t0 = times[0];
        double n = size;
        double st = 0;
        double sv = 0;
        for (int i = 0; i < size; i++) {
            st += (times[i] - t0) / 60_000.0;
            sv += values[i];
        }
        double mt = st / n;
        double mv = sv / n;
        double stt = 0;
        double stv = 0;
        for (int i = 0; i < size; i++) {
            double dt = (times[i] - t0) / 60_000.0 - mt;
            stt += dt * dt;
            stv += dt * (values[i] - mv);
        }
        if (stt == 0) {
            return null;
        }
        double slope = stv / stt;
        double sse = 0;
        for (int i = 0; i < size; i++) {
            double dt = (times[i] - t0) / 60_000.0 - mt;
            double r = values[i] - (mv + slope * dt);
            sse += r * r;
        }
        double stderr = size > 2 ? Math.sqrt(sse / (n - 2) / stt) : Double.POSITIVE_INFINITY;
        double tLast = (times[size - 1] - t0) / 60_000.0 - mt;
        return new Fit(slope, stderr, mv + slope * tLast);
    }

    /**
     * A straight-line fit.
     *
     * @param slopePerMinute change per minute
     * @param slopeStdErr    standard error of the slope (same unit): small means the trend is real, not noise
     * @param fittedNow      the line's value at the newest sample
     */
    public record Fit(double slopePerMinute, double slopeStdErr, double fittedNow) {

        /** How many standard errors the slope is away from flat. */
        public double significance() {
            return slopeStdErr == 0 ? Double.POSITIVE_INFINITY : Math.abs(slopePerMinute) / slopeStdErr;
        }
    }
}
