package io.parkwatch.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PointHistoryTest {

    static final long T0 = 1_795_600_000_000L;
    static final long MIN = 60_000;

    /** Readings every second of a line rising 18 per minute, from {@code from} s to {@code to} s. */
    static void ramp(PointHistory h, int from, int to, long horizon) {
        for (int s = from; s <= to; s++) {
            h.add(T0 + s * 1000L, 2 + 0.3 * s, horizon);
        }
    }

    @Test
    void keepsItsBucketsOverTheLongestWindowAndEachRuleFitsItsOwn() {
        PointHistory h = new PointHistory();
        ramp(h, 0, 600, 3 * MIN);
        assertThat(h.count()).isBetween(PointHistory.CAPACITY, PointHistory.SLOTS);
        assertThat(h.slots).hasSize(5 * PointHistory.SLOTS); // bounded, whatever the reporting rate
        // a straight line stays a straight line through bucket means: both windows see 18 per minute
        assertThat(h.fit(MIN, LimitState.NONE, 3).slopePerMinute()).isCloseTo(18, within(0.01));
        assertThat(h.fit(3 * MIN, LimitState.NONE, 10).slopePerMinute()).isCloseTo(18, within(0.01));
        // the line's value at the newest bucket's mean time
        assertThat(h.fit(3 * MIN, LimitState.NONE, 10).fittedNow())
                .isCloseTo(2 + 0.3 * (h.newest() - T0) / 1000.0, within(0.01));
    }

    @Test
    void judgesNothingUntilThreeQuartersOfTheWindowAreCovered() {
        PointHistory h = new PointHistory();
        ramp(h, 0, 40, 3 * MIN);
        assertThat(h.fit(MIN, LimitState.NONE, 3)).isNull(); // 40 s of a 1 min window
        ramp(h, 41, 50, 3 * MIN);
        assertThat(h.fit(MIN, LimitState.NONE, 3)).isNotNull();
        assertThat(h.fit(3 * MIN, LimitState.NONE, 3)).isNull();
    }

    @Test
    void aFitFromASinceStartsThereNotAtTheWindowsStart() {
        PointHistory h = new PointHistory();
        ramp(h, 0, 300, 5 * MIN);
        long since = T0 + 200_000; // e.g. the unit was shut down at 200 s: 100 s of a 5 min window
        assertThat(h.fit(5 * MIN, since, 3)).isNull();
        ramp(h, 301, 440, 5 * MIN);
        assertThat(h.fit(5 * MIN, since, 3)).isNotNull(); // 240 s since: three quarters of the window
    }

    @Test
    void ignoresReadingsOlderThanItsNewest() {
        PointHistory h = new PointHistory();
        ramp(h, 0, 90, MIN);
        int count = h.count();
        long newest = h.newest();
        h.add(T0 + 30_000, 500, MIN);
        assertThat(h.count()).isEqualTo(count);
        assertThat(h.newest()).isEqualTo(newest);
        assertThat(h.fit(MIN, LimitState.NONE, 3).slopePerMinute()).isCloseTo(18, within(0.01));
    }

    @Test
    void aNewLongerWindowReBucketsWhatItHoldsSoTheShorterOneIsNotBlinded() {
        PointHistory h = new PointHistory();
        ramp(h, 0, 120, MIN); // only the rate rule's minute so far: narrow buckets
        assertThat(h.bucketMs).isEqualTo(MIN / PointHistory.CAPACITY);
        h.add(T0 + 121_000, 2 + 0.3 * 121, 5 * MIN); // a shut-down unit's activity rule joins: 5 times wider
        assertThat(h.bucketMs).isEqualTo(5 * MIN / PointHistory.CAPACITY);
        assertThat(h.fit(MIN, LimitState.NONE, 3)).isNotNull();
        assertThat(h.fit(MIN, LimitState.NONE, 3).slopePerMinute()).isCloseTo(18, within(0.1));
        ramp(h, 122, 200, MIN); // and back
        assertThat(h.bucketMs).isEqualTo(MIN / PointHistory.CAPACITY);
        assertThat(h.fit(MIN, LimitState.NONE, 3).slopePerMinute()).isCloseTo(18, within(0.1));
    }

    @Test
    void timesStayRightAcrossAMonthOfReadings() {
        PointHistory h = new PointHistory();
        long day = 24 * 60 * MIN;
        for (long t = 0; t < 30 * day; t += 10 * MIN) { // past what int milliseconds from one origin reach
            h.add(T0 + t, 1, MIN);
        }
        assertThat(h.newest()).isEqualTo(T0 + 30 * day - 10 * MIN);
        for (int s = 0; s <= 60; s++) {
            h.add(T0 + 30 * day + s * 1000L, 2 + 0.3 * s, MIN);
        }
        assertThat(h.fit(MIN, LimitState.NONE, 3).slopePerMinute()).isCloseTo(18, within(0.01));
    }

    @Test
    void takesInTheSamplesOfAnEarlierVersionsWindow() {
        SampleWindow old = new SampleWindow(64);
        for (int s = 0; s <= 60; s++) {
            old.add(T0 + s * 1000L, 2 + 0.3 * s, MIN);
        }
        PointHistory h = new PointHistory();
        h.seed(old, 3 * MIN);
        // the mean time of the newest bucket
        assertThat(h.newest()).isBetween(T0 + 60_000 - 3 * MIN / PointHistory.CAPACITY, T0 + 60_000 + 10);
        assertThat(h.fit(MIN, LimitState.NONE, 3).slopePerMinute()).isCloseTo(18, within(0.01));
    }
}
