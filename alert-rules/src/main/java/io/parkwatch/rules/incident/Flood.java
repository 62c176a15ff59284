package io.parkwatch.rules.incident;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What "in flood" means, once for the whole product (EEMUA 191): more than {@code above} alarms announced to one
 * position within {@code window}. The live incidents and the alarm performance page use the same definition;
 * tests shorten it.
 *
 * @param above  a flood is more alarms than this
 * @param window within this sliding window
 */
public record Flood(int above, Duration window) implements java.io.Serializable {

    /** EEMUA 191: more than 10 alarms in 10 minutes. */
    public static final Flood EEMUA_191 = new Flood(10, Duration.ofMinutes(10));

    public Flood {
        if (above < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a flood needs a count of at least 1 and a positive window");
        }
    }

    /**
     * One flood in a history: from the alarm that put the position above the count to the moment the window held
     * no more than the count again (or the end of the period).
     *
     * @param alarms the alarms within it (with those in the window when it started)
     * @param peak   the most alarms any window within it held
     */
    public record Period(long start, long end, int alarms, int peak) {
    }

    /** The floods in these alarm times (sorted, epoch ms), cut at {@code to}: the same rule the live state uses. */
    public List<Period> periods(List<Long> times, long to) {
        List<Period> out = new ArrayList<>();
        long w = window.toMillis();
        int j = 0;
        int first = -1;
        long start = 0;
        int peak = 0;
        for (int i = 0; i < times.size(); i++) {
            long t = times.get(i);
            while (times.get(j) <= t - w) {
                j++;
            }
            int count = i - j + 1;
            if (first < 0 && count > above) {
                first = j;
                start = t;
                peak = 0;
            }
            if (first >= 0) {
                peak = Math.max(peak, count);
                long calmAt = times.get(i - above) + w; // the (above+1)-th latest leaves the window
                boolean goesOn = i + 1 < times.size() && times.get(i + 1) < calmAt;
                if (!goesOn) {
                    out.add(new Period(start, Math.min(calmAt, to), i - first + 1, peak));
                    first = -1;
                }
            }
        }
        return out;
    }
}
