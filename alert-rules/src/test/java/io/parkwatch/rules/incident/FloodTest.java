package io.parkwatch.rules.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloodTest {

    final Flood flood = new Flood(3, Duration.ofSeconds(10));

    @Test
    void aFloodRunsFromTheAlarmAboveTheCountUntilTheWindowHoldsTheCountAgain() {
        // 0, 2, 4: three in ten seconds, not a flood; 6: the fourth, a flood; 8: five; 0 leaves at 10, 2 at 12: calm
        List<Flood.Period> p = flood.periods(List.of(0L, 2_000L, 4_000L, 6_000L, 8_000L, 30_000L), 100_000);
        assertThat(p).containsExactly(new Flood.Period(6_000, 12_000, 5, 5));
    }

    @Test
    void threeInTheWindowIsNoFloodAndAFloodIsCutAtTheEndOfThePeriod() {
        assertThat(flood.periods(List.of(0L, 5_000L, 9_999L, 10_000L), 100_000)).isEmpty(); // 0 left at 10 000
        assertThat(flood.periods(List.of(0L, 1_000L, 2_000L, 3_000L), 5_000))
                .containsExactly(new Flood.Period(3_000, 5_000, 4, 4));
    }
}
