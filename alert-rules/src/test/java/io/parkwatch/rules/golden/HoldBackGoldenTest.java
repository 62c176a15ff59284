package io.parkwatch.rules.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.parkwatch.rules.maintenance.MaintenanceSchedule;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertState;
import io.parkwatch.rules.model.HoldBack;
import io.parkwatch.rules.model.Level;
import org.junit.jupiter.api.Test;

/** Operating modes and instruments out of service, through the engine: what is held back, what never is. */
class HoldBackGoldenTest {

    static final long MIN = 60_000;
    /** 1970-01-01 00:10 on the park's clock (UTC+8) is 16:10 UTC the day before: use offsets. */
    static final String T10 = "1970-01-01T00:10:00Z";

    static final String LOW_FLOW_STYLE = """
            rules:
              - id: reactor-hot
                type: threshold
                match: { points: [TT] }
                high: { alarm: 85 }
                suppressed-in-modes: [start-up, shut-down]
            """;

    @Test
    void aRuleSuppressedInAModeIsHeldBackWhileThePlantIsInItAndAnnouncedAfter() {
        String ops = """
                changes:
                  - { subject: R-1, mode: start-up, at: "1970-01-01T00:00:00Z", by: duty, reason: 开车 }
                  - { subject: ent-a, mode: running, at: "%s" }
                """.formatted(T10);
        Harness h = new Harness(LOW_FLOW_STYLE, MaintenanceSchedule.NONE, ops);
        h.feed("TT", 0, 60, s -> 90);               // start-up: heating up is the plan
        h.feed("TT", 2 * MIN, 60, s -> 50);
        h.feed("TT", 12 * MIN, 60, s -> 90);        // running (the enterprise's later order wins over the unit's)
        assertThat(h.updates).extracting(u -> u.event().type(), u -> u.event().heldBack(), u -> u.event().heldBackBy(),
                u -> u.alert().state()).containsExactly(
                        tuple(AlertEventType.RAISED, HoldBack.SUPPRESSED_BY_MODE, "start-up", AlertState.SUPPRESSED_BY_MODE),
                        tuple(AlertEventType.RECOVERED, null, null, AlertState.RECOVERED),
                        tuple(AlertEventType.RAISED, null, null, AlertState.ACTIVE));
    }

    @Test
    void aLevel2GasAlarmIsNeverSuppressedByAModeNorByBeingOutOfService() {
        String rules = """
                rules:
                  - id: gas
                    type: threshold
                    match: { points: [GAS] }
                    high: { alarm: 25, critical: 50 }
                    suppressed-in-modes: [turnaround]
                """;
        String ops = """
                changes:
                  - { subject: ent-a, mode: turnaround, at: "1970-01-01T00:00:00Z" }
                """;
        Harness h = new Harness(rules, MaintenanceSchedule.NONE, ops);
        h.feed("GAS", 0, 30, s -> s < 10 ? 30 : 60);
        assertThat(h.updates).extracting(u -> u.event().type(), u -> u.event().level(), u -> u.event().heldBack())
                .containsExactly(tuple(AlertEventType.RAISED, Level.ALARM, HoldBack.SUPPRESSED_BY_MODE),
                        tuple(AlertEventType.LEVEL_CHANGED, Level.CRITICAL, null));

        String outOfService = """
                out-of-service:
                  - { point: GAS, reason: 探头更换, since: "1970-01-01T00:00:00Z", expected-return: "1970-01-01T08:00:00Z", by: duty }
                """;
        Harness oos = new Harness(rules.replace("    suppressed-in-modes: [turnaround]\n", ""), MaintenanceSchedule.NONE,
                outOfService);
        oos.feed("GAS", 0, 30, s -> s < 10 ? 30 : 60);
        assertThat(oos.updates).extracting(u -> u.event().type(), u -> u.event().heldBack(), u -> u.event().heldBackBy())
                .containsExactly(tuple(AlertEventType.RAISED, HoldBack.OUT_OF_SERVICE, "探头更换"),
                        tuple(AlertEventType.LEVEL_CHANGED, null, null));
    }

    @Test
    void theShutDownActivityRuleFollowsTheMode() {
        String rules = """
                rules:
                  - id: activity
                    type: shutdown-activity
                    match: { kind: temperature }
                    rise-per-minute: 0.5
                    window: 5m
                    hold: 1m
                """;
        // TT's reactor is ordered shut down at 00:00; STOPPED-TT's plant, shut down in points.yaml, is started up
        String ops = """
                changes:
                  - { subject: R-1, mode: shut-down, at: "1970-01-01T00:00:00Z", by: duty }
                  - { subject: ent-stopped, mode: start-up, at: "1970-01-01T00:00:00Z", by: duty }
                """;
        Harness h = new Harness(rules, MaintenanceSchedule.NONE, ops);
        h.feed("TT", 0, 10 * 60, s -> 20 + 2.0 * s / 60.0);
        h.feed("STOPPED-TT", 0, 10 * 60, s -> 20 + 2.0 * s / 60.0);
        assertThat(h.updates).extracting(u -> u.event().pointId(), u -> u.event().type())
                .containsExactly(tuple("TT", AlertEventType.RAISED));
    }

    @Test
    void tighterLimitsDuringStartUpAndTheRulesOwnOnceRunning() {
        String rules = """
                rules:
                  - id: reactor
                    type: threshold
                    match: { points: [TT] }
                    high: { alarm: 85 }
                    in-modes:
                      start-up: { high: { warn: 70, alarm: 75 } }
                """;
        String ops = """
                changes:
                  - { subject: R-1, mode: start-up, at: "1970-01-01T00:00:00Z", by: duty }
                  - { subject: R-1, mode: running, at: "%s" }
                """.formatted(T10);
        Harness h = new Harness(rules, MaintenanceSchedule.NONE, ops);
        h.feed("TT", 0, 60, s -> 78);             // start-up: above its alarm limit of 75
        h.feed("TT", 12 * MIN, 60, s -> 78);      // running: below 85, the alarm recovers
        h.feed("TT", 14 * MIN, 60, s -> 88);      // and 88 is an alarm under the rule's own limit
        assertThat(h.updates).extracting(u -> u.event().type(), u -> u.event().level(), u -> u.event().limit())
                .containsExactly(tuple(AlertEventType.RAISED, Level.ALARM, 75.0),
                        tuple(AlertEventType.RECOVERED, Level.ALARM, 85.0), // below the limit in force now
                        tuple(AlertEventType.RAISED, Level.ALARM, 85.0));
    }

    @Test
    void aModeTheParkDoesNotHaveIsRefusedWithTheRule() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.parkwatch.rules.ruleset.ParkFiles.engine(
                new io.parkwatch.rules.ruleset.ParkFiles.Text("points.yaml", Harness.POINTS),
                new io.parkwatch.rules.ruleset.ParkFiles.Text("rules.yaml", LOW_FLOW_STYLE.replace("start-up", "startup")),
                null, null)).hasMessageContaining("rules[reactor-hot]: unknown operating mode 'startup'");
    }
}
