package io.parkwatch.rules.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.parkwatch.rules.group.CompositeRule;
import io.parkwatch.rules.group.GroupEvaluator;
import io.parkwatch.rules.group.CompositeKind;
import io.parkwatch.rules.group.StaleKind;
import io.parkwatch.rules.group.VotingKind;
import io.parkwatch.rules.group.GroupState;
import io.parkwatch.rules.group.PointSignal;
import io.parkwatch.rules.group.StaleRule;
import io.parkwatch.rules.group.VotingRule;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.model.RuleSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupRulesGoldenTest {

    static Point gas(String id) {
        return new Point(id, "ent-a", PointKind.GAS_LEL, "%LEL", 0, 100, Duration.ofSeconds(1), "T-1", "Z1", id, null);
    }

    static Point at(String id, PointKind kind, String unit) {
        return new Point(id, "ent-a", kind, unit, 0, 200, Duration.ofSeconds(1), "R-1", null, id, null);
    }

    final List<AlertUpdate> out = new ArrayList<>();

    List<AlertEvent> events() {
        return out.stream().map(AlertUpdate::event).toList();
    }

    @Test
    void twoDetectorsOfAZoneTogetherRaiseOneCriticalZoneAlertButOneAloneDoesNot() {
        VotingRule rule = new VotingRule("zone-vote", "2 of n", new RuleSelector(Set.of(PointKind.GAS_LEL), null, null,
                null, null), 2, 25, 2, Duration.ZERO, Level.CRITICAL);
        Point g1 = gas("G1");
        Point g2 = gas("G2");
        Point g3 = gas("G3");
        String key = new VotingKind().keyOf(rule, g1);
        assertThat(key).isEqualTo("zone-vote|zone:Z1");
        GroupState st = new GroupState();
        for (int s = 0; s < 60; s++) { // G1 high alone for a minute: a near miss
            out.addAll(GroupEvaluator.onSignal(rule, st, PointSignal.reading(rule.id(), key, g1, s * 1000L, 40, 0), 0));
            out.addAll(GroupEvaluator.onSignal(rule, st, PointSignal.reading(rule.id(), key, g2, s * 1000L, 10, 0), 0));
            out.addAll(GroupEvaluator.onSignal(rule, st, PointSignal.reading(rule.id(), key, g3, s * 1000L, 2, 0), 0));
        }
        assertThat(out).isEmpty();
        for (int s = 60; s < 120; s++) { // G2 joins at 30 %LEL for a minute, then both fall back
            double v2 = s < 90 ? 30 : 5;
            double v1 = s < 90 ? 40 : 5;
            out.addAll(GroupEvaluator.onSignal(rule, st, PointSignal.reading(rule.id(), key, g1, s * 1000L, v1, 0), 0));
            out.addAll(GroupEvaluator.onSignal(rule, st, PointSignal.reading(rule.id(), key, g2, s * 1000L, v2, 0), 0));
        }
        assertThat(events()).extracting(AlertEvent::type, AlertEvent::level, AlertEvent::pointId, AlertEvent::eventTime)
                .containsExactly(tuple(AlertEventType.RAISED, Level.CRITICAL, "zone:Z1", 60_000L),
                        tuple(AlertEventType.RECOVERED, Level.CRITICAL, "zone:Z1", 90_000L));
        assertThat(events().get(0).message()).contains("2 detectors at or above 25 %LEL together: G1 (40), G2 (30)");
    }

    @Test
    void temperatureAndPressureRisingTogetherIsARunawayButEitherAloneIsNot() {
        CompositeRule rule = new CompositeRule("runaway", "thermal runaway", new RuleSelector(null, null, null,
                Set.of("R-1"), null), List.of(new CompositeRule.Condition(PointKind.TEMPERATURE, null, 1.0),
                new CompositeRule.Condition(PointKind.PRESSURE, null, 0.02)), Duration.ofMinutes(1), Duration.ofSeconds(30),
                Level.CRITICAL);
        Point tt = at("TT", PointKind.TEMPERATURE, "degC");
        Point pt = at("PT", PointKind.PRESSURE, "MPa");
        String key = new CompositeKind().keyOf(rule, tt);
        GroupState st = new GroupState();
        // minutes 0-5: temperature rises 1.5/min, pressure flat (near miss); 5-10: both rise
        for (int s = 0; s < 600; s++) {
            double t = 80 + 1.5 * s / 60.0;
            double p = s < 300 ? 0.5 : 0.5 + 0.05 * (s - 300) / 60.0;
            out.addAll(GroupEvaluator.onSignal(rule, st, PointSignal.reading(rule.id(), key, tt, s * 1000L, t, 0), 0));
            out.addAll(GroupEvaluator.onSignal(rule, st, PointSignal.reading(rule.id(), key, pt, s * 1000L, p, 0), 0));
        }
        assertThat(events()).extracting(AlertEvent::type, AlertEvent::level, AlertEvent::pointId)
                .containsExactly(tuple(AlertEventType.RAISED, Level.CRITICAL, "unit:R-1"));
        // pressure's 1-min slope passes 0.02/min ~25 s after it starts rising, then the 30 s hold
        assertThat(events().get(0).eventTime() - 300_000).isBetween(30_000L, 90_000L);
        assertThat(events().get(0).message()).isEqualTo("unit R-1: thermal runaway: TT rising 1.50/min and PT rising 0.05/min");
    }

    @Test
    void pointsAreWatchedForSilencePerDataLoggerNamedOrTheirEnterprisesOne() {
        StaleRule rule = new StaleRule("offline", "offline", new RuleSelector(null, null, null, null, null), 3, Level.WARN);
        Point first = new Point("G1", "ent-a", PointKind.GAS_LEL, "%LEL", 0, 100, Duration.ofSeconds(1), "T-1", "Z1",
                "G1", null, "DL-1");
        Point second = new Point("G2", "ent-a", PointKind.GAS_LEL, "%LEL", 0, 100, Duration.ofSeconds(1), "T-1", "Z1",
                "G2", null, "DL-2");
        assertThat(new StaleKind().keyOf(rule, first)).isEqualTo("offline|logger:DL-1");
        assertThat(new StaleKind().keyOf(rule, second)).isEqualTo("offline|logger:DL-2");
        assertThat(new StaleKind().keyOf(rule, gas("G3"))).isEqualTo("offline|logger:ent-a");
    }

    @Test
    void aWholeLoggerGoingSilentIsOneAlertNotOnePerPoint() {
        StaleRule rule = new StaleRule("offline", "offline", new RuleSelector(null, null, null, null, null), 3, Level.WARN);
        List<Point> points = List.of(gas("G1"), gas("G2"), gas("G3"), gas("G4"));
        String key = new StaleKind().keyOf(rule, points.get(0));
        GroupState st = new GroupState();
        long settle = 3000;
        // all four fall silent within a second of each other (the logger died)
        for (int i = 0; i < 4; i++) {
            out.addAll(GroupEvaluator.onSilence(rule, st, PointSignal.silence(rule.id(), key, points.get(i), 1000, true,
                    10_000 + i * 200L), 4, settle, 10_000 + i * 200L));
        }
        for (long now = 11_000; now < 30_000; now += 1000) { // timer ticks
            out.addAll(GroupEvaluator.onSilence(rule, st, null, 4, settle, now));
        }
        assertThat(events()).extracting(AlertEvent::type, AlertEvent::pointId)
                .containsExactly(tuple(AlertEventType.RAISED, "logger:ent-a"));
        assertThat(events().get(0).message()).contains("logger offline: all 4 points silent");
        // one comes back: the logger is up, the three still silent become individual alerts after the settle time
        out.addAll(GroupEvaluator.onSilence(rule, st, PointSignal.silence(rule.id(), key, points.get(0), 30_000, false,
                30_000), 4, settle, 30_000));
        for (long now = 31_000; now < 40_000; now += 1000) {
            out.addAll(GroupEvaluator.onSilence(rule, st, null, 4, settle, now));
        }
        assertThat(events()).extracting(AlertEvent::type, AlertEvent::pointId).containsExactly(
                tuple(AlertEventType.RAISED, "logger:ent-a"), tuple(AlertEventType.RECOVERED, "logger:ent-a"),
                tuple(AlertEventType.RAISED, "G2"), tuple(AlertEventType.RAISED, "G3"), tuple(AlertEventType.RAISED, "G4"));
    }

    @Test
    void aLoggerComingBackIsNoBurstOfPointAlertsWhileItsPointsCatchUp() {
        StaleRule rule = new StaleRule("offline", "offline", new RuleSelector(null, null, null, null, null), 3, Level.WARN);
        List<Point> points = List.of(gas("G1"), gas("G2"), gas("G3"), gas("G4"));
        String key = new StaleKind().keyOf(rule, points.get(0));
        GroupState st = new GroupState();
        for (int i = 0; i < 4; i++) {
            out.addAll(GroupEvaluator.onSilence(rule, st, PointSignal.silence(rule.id(), key, points.get(i), 1000, true,
                    10_000), 4, 3000, 10_000));
        }
        for (long now = 11_000; now < 30_000; now += 1000) {
            out.addAll(GroupEvaluator.onSilence(rule, st, null, 4, 3000, now));
        }
        // the logger's next batch: its four readings are handled one after the other, a few ms apart
        for (int i = 0; i < 4; i++) {
            out.addAll(GroupEvaluator.onSilence(rule, st, PointSignal.silence(rule.id(), key, points.get(i), 30_000 + i,
                    false, 30_000 + i), 4, 3000, 30_000 + i));
        }
        for (long now = 31_000; now < 40_000; now += 1000) {
            out.addAll(GroupEvaluator.onSilence(rule, st, null, 4, 3000, now));
        }
        assertThat(events()).extracting(AlertEvent::type, AlertEvent::pointId).containsExactly(
                tuple(AlertEventType.RAISED, "logger:ent-a"), tuple(AlertEventType.RECOVERED, "logger:ent-a"));
    }

    @Test
    void aSingleSilentPointIsReportedAfterTheSettleTime() {
        StaleRule rule = new StaleRule("offline", "offline", new RuleSelector(null, null, null, null, null), 3, Level.WARN);
        Point g1 = gas("G1");
        String key = new StaleKind().keyOf(rule, g1);
        GroupState st = new GroupState();
        out.addAll(GroupEvaluator.onSilence(rule, st, PointSignal.silence(rule.id(), key, g1, 1000, true, 4000), 4, 3000, 4000));
        for (long now = 5000; now <= 8000; now += 1000) {
            out.addAll(GroupEvaluator.onSilence(rule, st, null, 4, 3000, now));
        }
        out.addAll(GroupEvaluator.onSilence(rule, st, PointSignal.silence(rule.id(), key, g1, 9000, false, 9000), 4, 3000, 9000));
        assertThat(events()).extracting(AlertEvent::type, AlertEvent::pointId, AlertEvent::eventTime).containsExactly(
                tuple(AlertEventType.RAISED, "G1", 7000L), tuple(AlertEventType.RECOVERED, "G1", 9000L));
    }
}
