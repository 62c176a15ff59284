package io.parkwatch.rules.threshold;

import io.parkwatch.rules.engine.Limits;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.engine.LimitSlice;
import io.parkwatch.rules.engine.RuleSlice;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.RuleSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThresholdEvaluatorTest {

    static final Point GAS = new Point("GT1", "ent-a", PointKind.GAS_LEL, "%LEL", 0, 100, Duration.ofSeconds(1), "T-101",
            "Z1", "T-101 gas detector", null);
    static final ThresholdRule GAS_RULE = new ThresholdRule("combustible-gas", "gas",
            new RuleSelector(Set.of(PointKind.GAS_LEL), null, null, null, null), new Limits(null, 25.0, 50.0), null, 2,
            Duration.ofSeconds(2), Duration.ZERO);

    final LimitSlice state = new LimitSlice();
    final List<AlertEvent> events = new ArrayList<>();

    void feed(ThresholdRule rule, long t0, double... values) {
        for (int i = 0; i < values.length; i++) {
            Reading r = new Reading(GAS.id(), GAS.enterpriseId(), t0 + i * 1000L, values[i], Quality.N, 0);
            ThresholdEvaluator.evaluate(rule, GAS, state, r, 0).forEach(u -> events.add(u.event()));
        }
    }

    @Test
    void leakRaisesAtAlarmEscalatesToCriticalAndRecoversOnce() {
        feed(GAS_RULE, 0, 3, 8, 18, 27, 31, 38, 46, 52, 58, 61, 57, 48, 36, 24, 22.5, 21, 12, 5);

        assertThat(events).extracting(AlertEvent::type, AlertEvent::level)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertEventType.RAISED, Level.ALARM),
                        org.assertj.core.groups.Tuple.tuple(AlertEventType.LEVEL_CHANGED, Level.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple(AlertEventType.RECOVERED, Level.CRITICAL));
        AlertEvent raised = events.get(0);
        // 27 at t=3s starts the on-delay; 2 s later (t=5s, value 38) the alarm is raised.
        assertThat(raised.eventTime()).isEqualTo(5000);
        assertThat(raised.value()).isEqualTo(38);
        assertThat(raised.limit()).isEqualTo(25);
        assertThat(raised.message()).isEqualTo("T-101 gas detector: 38 %LEL, at or above the alarm limit 25 %LEL");
        // 52 at t=7s; 2 s later (t=9s, 61) critical.
        assertThat(events.get(1).eventTime()).isEqualTo(9000);
        assertThat(events.get(1).previousLevel()).isEqualTo(Level.ALARM);
        // Recovery needs < 25 - 2 = 23: 22.5 at t=14s.
        assertThat(events.get(2).eventTime()).isEqualTo(14000);
        assertThat(events).extracting(AlertEvent::alertId).containsOnly(raised.alertId());
        assertThat(events).extracting(AlertEvent::seq).containsExactly(1, 2, 3);
        assertThat(events).extracting(AlertEvent::eventId).doesNotHaveDuplicates();
        assertThat(state.isIdle()).isTrue();
    }

    @Test
    void eachEventComesWithTheAlertsNewState() {
        List<io.parkwatch.rules.model.Alert> states = new ArrayList<>();
        double[] values = {30, 30, 30, 60, 60, 60, 72, 60, 0};
        for (int i = 0; i < values.length; i++) {
            ThresholdEvaluator.evaluate(GAS_RULE, GAS, state, new Reading("GT1", "ent-a", i * 1000L, values[i], Quality.N, 0), 0)
                    .forEach(u -> states.add(u.alert()));
        }
        assertThat(states).extracting(io.parkwatch.rules.model.Alert::state, io.parkwatch.rules.model.Alert::level,
                io.parkwatch.rules.model.Alert::peakValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple(io.parkwatch.rules.model.AlertState.ACTIVE, Level.ALARM, 30.0),
                org.assertj.core.groups.Tuple.tuple(io.parkwatch.rules.model.AlertState.ACTIVE, Level.CRITICAL, 60.0),
                org.assertj.core.groups.Tuple.tuple(io.parkwatch.rules.model.AlertState.RECOVERED, Level.CRITICAL, 72.0));
        assertThat(states.get(2).raisedAt()).isEqualTo(2000);
        assertThat(states.get(2).lastValue()).isEqualTo(0); // 72 came between events and still counts as the peak
    }

    @Test
    void valueHoveringAroundTheLimitGivesOneAlertNotAStream() {
        Random noise = new Random(42);
        double[] values = new double[600];
        for (int i = 0; i < values.length; i++) {
            values[i] = 25 + (noise.nextDouble() * 3 - 1.5); // 23.5 .. 26.5, inside the 2 %LEL deadband below 25
        }
        values[0] = 26;
        values[1] = 26;
        values[2] = 26;
        feed(GAS_RULE, 0, values);
        assertThat(events).extracting(AlertEvent::type).containsExactly(AlertEventType.RAISED);

        feed(GAS_RULE, 600_000, 20);
        assertThat(events).extracting(AlertEvent::type).containsExactly(AlertEventType.RAISED, AlertEventType.RECOVERED);
    }

    @Test
    void spikeShorterThanTheOnDelayRaisesNothing() {
        feed(GAS_RULE, 0, 5, 30, 31, 5, 60, 5, 5);
        assertThat(events).isEmpty();
    }

    @Test
    void zeroDelayRaisesStraightAtTheHighestLevelReached() {
        ThresholdRule instant = new ThresholdRule("r", "r", GAS_RULE.selector(), GAS_RULE.high(), null, 2,
                Duration.ZERO, Duration.ZERO);
        feed(instant, 0, 5, 55, 5);
        assertThat(events).extracting(AlertEvent::type, AlertEvent::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertEventType.RAISED, Level.CRITICAL),
                org.assertj.core.groups.Tuple.tuple(AlertEventType.RECOVERED, Level.CRITICAL));
    }

    @Test
    void offDelayHoldsTheAlertUntilTheValueStaysClear() {
        ThresholdRule rule = new ThresholdRule("r", "r", GAS_RULE.selector(), GAS_RULE.high(), null, 2, Duration.ZERO,
                Duration.ofSeconds(3));
        feed(rule, 0, 30, 10, 10, 30, 10, 10, 10, 10);
        assertThat(events).extracting(AlertEvent::type, AlertEvent::eventTime).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertEventType.RAISED, 0L),
                org.assertj.core.groups.Tuple.tuple(AlertEventType.RECOVERED, 7000L));
    }

    @Test
    void lowLimitsWorkDownwards() {
        ThresholdRule low = new ThresholdRule("o2", "o2", GAS_RULE.selector(), null, new Limits(null, 19.5, 18.0), 0.3,
                Duration.ZERO, Duration.ZERO);
        feed(low, 0, 20.9, 19.4, 17.9, 19.6, 19.9);
        assertThat(events).extracting(AlertEvent::type, AlertEvent::level, AlertEvent::direction).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertEventType.RAISED, Level.ALARM, Direction.LOW),
                org.assertj.core.groups.Tuple.tuple(AlertEventType.LEVEL_CHANGED, Level.CRITICAL, Direction.LOW),
                org.assertj.core.groups.Tuple.tuple(AlertEventType.RECOVERED, Level.CRITICAL, Direction.LOW));
        assertThat(events.get(2).eventTime()).isEqualTo(4000); // 19.6 is not clear of 19.5 + 0.3
    }

    @Test
    void anOlderReadingDoesNotDriveTheRule() {
        feed(GAS_RULE, 10_000, 30, 30, 30);
        assertThat(events).hasSize(1);
        feed(GAS_RULE, 0, 5); // arrives late, from before the alert
        assertThat(events).hasSize(1);
    }

    @Test
    void idsAreDeterministicSoAReplayProducesTheSameEvents() {
        feed(GAS_RULE, 0, 30, 30, 30, 60, 60, 60, 0);
        List<String> first = events.stream().map(AlertEvent::eventId).toList();
        LimitSlice again = new LimitSlice();
        List<String> replay = new ArrayList<>();
        double[] values = {30, 30, 30, 60, 60, 60, 0};
        for (int i = 0; i < values.length; i++) {
            ThresholdEvaluator.evaluate(GAS_RULE, GAS, again, new Reading("GT1", "ent-a", i * 1000L, values[i], Quality.N, 0), 99)
                    .forEach(u -> replay.add(u.event().eventId()));
        }
        assertThat(replay).isEqualTo(first).hasSize(3);
    }
}
