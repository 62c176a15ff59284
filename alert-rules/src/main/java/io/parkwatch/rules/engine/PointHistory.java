package io.parkwatch.rules.engine;

/**
 * The recent trusted readings of one point, kept once for every rule of the point that judges a window of them
 * (rate, trend, shut-down activity), as the means of equal time buckets.
 *
 * <p>Rules of different windows share it: the buckets cover the longest window any of them needs now
 * ({@link #CAPACITY} of them over it), and each rule fits a line through the buckets of its own window
 * ({@link #fit}). Keeping one history per point instead of one per rule, and a bucket in 5 bytes, is what keeps a
 * point's state small (BENCHMARKS.md, benchmark 3); a rule of a shorter window sees fewer, wider buckets than it
 * would alone (a gas detector's 1-minute rate rule 24 buckets of 2.5 s, where it had 64 of its own), which moves
 * its decisions by a reading or two (bench/detection-times.sh compares every alert of the scenario library).
 *
 * <p>Compact: a ring of {@link #SLOTS} bucket periods, the newest at {@link #newestPeriod}; a slot holds its
 * bucket's mean value as a float and its mean time as a fraction (1/256) of the period, or NaN when no reading fell
 * in that period. The sample count is kept only for the newest bucket, the only one still filling (readings older
 * than the newest are ignored). A stored class: its fields must not change (see {@link RuleSlice}).
 */
public final class PointHistory extends RuleSlice {

    /** The key it is kept under among a point's rule states: a rule id cannot begin with '#'. */
    public static final String KEY = "#history";
    /** Buckets over the longest window the point's rules need. */
    public static final int CAPACITY = 72;
    /** Bucket periods kept: one more than the capacity, so that a bucket whose mean is within the window stays. */
    public static final int SLOTS = CAPACITY + 1;
    private static final int SLOT_BYTES = 5;
    private static final int EMPTY = Float.floatToRawIntBits(Float.NaN);

    /** The newest bucket's period: its time divided by the bucket width. */
    public long newestPeriod;
    /** Width of a bucket; 0 before the first reading. */
    public int bucketMs;
    /** Samples in the newest bucket; 0 before the first reading. */
    public int newestCount;
    /** Per slot (period modulo {@link #SLOTS}): the mean value's float bits, then the mean time's fraction. */
    public byte[] slots = new byte[0];

    public PointHistory() {
    }

    /**
     * Adds a reading (ignored if older than the newest bucket's mean time). A new horizon re-buckets what is kept:
     * into wider buckets by merging, into narrower ones by keeping each old bucket as it is, so that no rule is
     * blinded when another one's window comes or goes.
     */
    public void add(long ts, double v, long horizonMs) {
        int width = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 4, horizonMs / CAPACITY));
        if (slots.length == 0) {
            slots = new byte[SLOTS * SLOT_BYTES];
            bucketMs = width;
            clear(0, SLOTS);
            start(ts, v);
            return;
        }
        if (width != bucketMs) {
            rebucket(width);
        }
        if (ts < newest()) {
            return;
        }
        long period = Math.floorDiv(ts, (long) bucketMs);
        if (period == newestPeriod) {
            int n = newestCount == Integer.MAX_VALUE ? newestCount : newestCount + 1;
            int slot = slotOf(period);
            long t = timeAt(slot, period);
            double m = valueAt(slot);
            put(slot, period, t + (ts - t) / n, m + (v - m) / n);
            newestCount = n;
        } else {
            long gap = Math.min(period - newestPeriod, SLOTS);
            for (long p = period - gap + 1; p < period; p++) {
                put(slotOf(p), p, 0, Double.NaN);
            }
            start(ts, v);
        }
    }

    /** Mean time of the newest bucket, or {@link LimitState#NONE} while empty. */
    public long newest() {
        return newestCount == 0 ? LimitState.NONE : timeAt(slotOf(newestPeriod), newestPeriod);
    }

    /** Buckets holding readings. */
    public int count() {
        int n = 0;
        for (int i = 0; i < SLOTS; i++) {
            n += present(i) ? 1 : 0;
        }
        return n;
    }

    /**
     * The line through the buckets of the last {@code windowMs} (and none before {@code since}), if they cover
     * three quarters of that window with at least {@code minSamples} buckets; else null: too little history yet.
     */
    public LineFit fit(long windowMs, long since, int minSamples) {
        if (newestCount == 0) {
            return null;
        }
        long newest = newest();
        long from = Math.max(newest - windowMs, since);
        int first = -1;
        int n = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (present(i) && time(i) >= from) {
                first = first < 0 ? i : first;
                n++;
            }
        }
        if (first < 0 || newest - time(first) < windowMs * 3 / 4 || n < minSamples) {
            return null;
        }
        return LineFit.through(new LineFit.Samples() {
            @Override
            public long time(int i) {
                return PointHistory.this.time(i);
            }

            @Override
            public double value(int i) {
                return valueAt(slotOf(periodOf(i)));
            }

            @Override
            public boolean present(int i) {
                return PointHistory.this.present(i);
            }
        }, first, SLOTS);
    }

    /** Takes in the samples of an earlier version's per-rule window (its buckets become readings here). */
    public void seed(SampleWindow earlier, long horizonMs) {
        for (int i = 0; i < earlier.size; i++) {
            add(earlier.times[i], earlier.values[i], horizonMs);
        }
    }

    @Override
    public boolean isIdle() {
        return newestCount == 0;
    }

    /** The period of the i-th slot from the oldest (0) to the newest ({@link #SLOTS} - 1). */
    private long periodOf(int i) {
        return newestPeriod - (SLOTS - 1) + i;
    }

    private boolean present(int i) {
        return newestCount > 0 && readInt(slotOf(periodOf(i))) != EMPTY;
    }

    /** Mean time of the i-th slot from the oldest. */
    private long time(int i) {
        long p = periodOf(i);
        return timeAt(slotOf(p), p);
    }

    private int slotOf(long period) {
        return (int) Math.floorMod(period, (long) SLOTS) * SLOT_BYTES;
    }

    private long timeAt(int slot, long period) {
        int fraction = slots[slot + 4] & 0xff;
        return period * bucketMs + ((long) fraction * bucketMs + bucketMs / 2) / 256;
    }

    private double valueAt(int slot) {
        return Float.intBitsToFloat(readInt(slot));
    }

    /** A new newest bucket with one reading. */
    private void start(long ts, double v) {
        newestPeriod = Math.floorDiv(ts, (long) bucketMs);
        put(slotOf(newestPeriod), newestPeriod, ts, v);
        newestCount = 1;
    }

    private void put(int slot, long period, long time, double value) {
        int bits = Double.isNaN(value) ? EMPTY : Float.floatToRawIntBits((float) value);
        slots[slot] = (byte) (bits >>> 24);
        slots[slot + 1] = (byte) (bits >>> 16);
        slots[slot + 2] = (byte) (bits >>> 8);
        slots[slot + 3] = (byte) bits;
        long fraction = (time - period * bucketMs) * 256 / bucketMs;
        slots[slot + 4] = (byte) Math.max(0, Math.min(255, fraction));
    }

    private int readInt(int slot) {
        return (slots[slot] & 0xff) << 24 | (slots[slot + 1] & 0xff) << 16 | (slots[slot + 2] & 0xff) << 8
                | slots[slot + 3] & 0xff;
    }

    private void clear(int from, int to) {
        for (int i = from; i < to; i++) {
            put(i * SLOT_BYTES, 0, 0, Double.NaN);
        }
    }

    /** Buckets of the new width: neighbours falling in the same new bucket merge (means of their means). */
    private void rebucket(int width) {
        long[] t = new long[SLOTS];
        double[] v = new double[SLOTS];
        int kept = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (present(i)) {
                t[kept] = time(i);
                v[kept] = valueAt(slotOf(periodOf(i)));
                kept++;
            }
        }
        int count = newestCount;
        bucketMs = width;
        clear(0, SLOTS);
        newestCount = 0;
        int merged = 0;
        for (int i = 0; i < kept; i++) {
            long period = Math.floorDiv(t[i], (long) width);
            if (newestCount > 0 && period == newestPeriod) {
                merged++;
                int slot = slotOf(period);
                long mt = timeAt(slot, period);
                double mv = valueAt(slot);
                put(slot, period, mt + (t[i] - mt) / (merged + 1), mv + (v[i] - mv) / (merged + 1));
            } else if (newestCount == 0 || period > newestPeriod) {
                long gap = newestCount == 0 ? 0 : Math.min(period - newestPeriod, SLOTS);
                for (long p = period - gap + 1; p < period; p++) {
                    put(slotOf(p), p, 0, Double.NaN);
                }
                start(t[i], v[i]);
                merged = 0;
            }
        }
        // the merged buckets stand for one sample each; an unmerged newest bucket keeps its count
        newestCount = merged > 0 ? merged + 1 : count;
    }
}
