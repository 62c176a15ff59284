package io.parkwatch.rules.engine;

/**
 * A least-squares straight line through a point's recent samples (value over time, per minute), with the spread
 * of its slope: what the rate, trend and activity rules judge.
 *
 * @param slopePerMinute change per minute
 * @param slopeStdErr    standard error of the slope (same unit): small means the trend is real, not noise
 * @param fittedNow      the line's value at the newest sample
 */
public record LineFit(double slopePerMinute, double slopeStdErr, double fittedNow) {

    /** Samples in time order, as a window keeps them; a window of fixed slots may leave some empty. */
    interface Samples {

        long time(int i);

        double value(int i);

        default boolean present(int i) {
            return true;
        }
    }

    /** How many standard errors the slope is away from flat. */
    public double significance() {
        return slopeStdErr == 0 ? Double.POSITIVE_INFINITY : Math.abs(slopePerMinute) / slopeStdErr;
    }

    /**
     * The fit through the samples present among {@code from} (inclusive) to {@code to} (exclusive); null for fewer
     * than 3 or no spread in time.
     */
    static LineFit through(Samples s, int from, int to) {
        int size = 0;
        int first = -1;
        int last = -1;
        for (int i = from; i < to; i++) {
            if (s.present(i)) {
                size++;
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (size < 3) {
            return null;
        }
        double t0 = s.time(first);
        double n = size;
        double st = 0;
        double sv = 0;
        for (int i = first; i <= last; i++) {
            if (s.present(i)) {
                st += (s.time(i) - t0) / 60_000.0;
                sv += s.value(i);
            }
        }
        double mt = st / n;
        double mv = sv / n;
        double stt = 0;
        double stv = 0;
        for (int i = first; i <= last; i++) {
            if (s.present(i)) {
                double dt = (s.time(i) - t0) / 60_000.0 - mt;
                stt += dt * dt;
                stv += dt * (s.value(i) - mv);
            }
        }
        if (stt == 0) {
            return null;
        }
        double slope = stv / stt;
        double sse = 0;
        for (int i = first; i <= last; i++) {
            if (s.present(i)) {
                double dt = (s.time(i) - t0) / 60_000.0 - mt;
                double r = s.value(i) - (mv + slope * dt);
                sse += r * r;
            }
        }
        double stderr = Math.sqrt(sse / (n - 2) / stt);
        double tLast = (s.time(last) - t0) / 60_000.0 - mt;
        return new LineFit(slope, stderr, mv + slope * tLast);
    }
}
