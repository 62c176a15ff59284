package io.parkwatch.rules.lifecycle;

import static io.parkwatch.rules.lifecycle.LifecycleTest.GAS;
import static io.parkwatch.rules.lifecycle.LifecycleTest.HOLD_OFF;
import static io.parkwatch.rules.lifecycle.LifecycleTest.PLAN;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.engine.Limits;
import io.parkwatch.rules.engine.LimitSlice;
import io.parkwatch.rules.model.AlertCommand;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertState;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.HoldBack;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.RuleSelector;
import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.threshold.ThresholdEvaluator;
import io.parkwatch.rules.threshold.ThresholdRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ISA-18.2 shelving rules, one by one, on the life cycle alone. */
class ShelvingTest {

    static final long MIN = 60_000;
    /** level 1 at 25, level 2 at 50 %LEL */
    static final ThresholdRule GAS_RULE = new ThresholdRule("gas", "gas", new RuleSelector(Set.of(PointKind.GAS_LEL),
            null, null, null, null), new Limits(10.0, 25.0, 50.0), null, 2, Duration.ZERO, Duration.ZERO);
    static final Point TEMP = new Point("TE1", "ent-a", PointKind.TEMPERATURE, "℃", -40, 200, Duration.ofSeconds(1),
            "T-1", "Z1", "T-1 temperature", null);
    static final ThresholdRule TEMP_RULE = new ThresholdRule("temp", "temp", new RuleSelector(
            Set.of(PointKind.TEMPERATURE), null, null, null, null), new Limits(40.0, 45.0, 60.0), null, 1,
            Duration.ZERO, Duration.ZERO);

    final LimitSlice detection = new LimitSlice();
    final LifecycleState st = new LifecycleState();
    final List<AlertUpdate> out = new ArrayList<>();
    int commands;

    void reading(Point p, ThresholdRule rule, long ts, double v) {
        for (AlertUpdate u : ThresholdEvaluator.evaluate(rule, p, detection, new Reading(p.id(), "ent-a", ts, v,
                Quality.N, 0), ts)) {
            out.addAll(Lifecycle.onDetection(st, u, HOLD_OFF, PLAN, ts));
        }
    }

    List<AlertUpdate> command(AlertCommand.Type type, String user, String note, int minutes, long at) {
        AlertCommand c = AlertCommand.builder().commandId("c" + commands++).type(type).alertId(st.current.alertId())
                .alertKey(st.current.key()).user(user).role(AlertCommand.Role.ENTERPRISE_OPERATOR).enterpriseId("ent-a")
                .note(note).issuedAt(at).minutes(minutes).build();
        List<AlertUpdate> r = Lifecycle.onCommand(st, c, new ShelvingPolicy(Map.of(Level.WARN, Duration.ofHours(8),
                Level.ALARM, Duration.ofHours(2), Level.CRITICAL, Duration.ofMinutes(30))), PLAN, at);
        out.addAll(r);
        return r;
    }

    AlertEvent last() {
        return out.get(out.size() - 1).event();
    }

    static String english(AlertEvent e) {
        return Catalogue.english().render(e.text());
    }

    @Test
    void aShelvedAlarmIsRecordedButNotAnnouncedAndDoesNotEscalate() {
        reading(TEMP, TEMP_RULE, 0, 46); // level 1
        assertThat(st.nextEscalationAt).isEqualTo(5 * MIN);
        command(AlertCommand.Type.SHELVE, "op1", "sensor drifting, technician on the way", 30, 1000);
        AlertEvent shelved = last();
        assertThat(shelved.type()).isEqualTo(AlertEventType.SHELVED);
        assertThat(shelved.actor()).isEqualTo("op1");
        assertThat(shelved.note()).isEqualTo("sensor drifting, technician on the way");
        assertThat(shelved.until()).isEqualTo(1000 + 30 * MIN);
        assertThat(shelved.announced()).isFalse();
        assertThat(st.current.state()).isEqualTo(AlertState.SHELVED);
        assertThat(st.shelvedUntil).isEqualTo(1000 + 30 * MIN);
        assertThat(st.nextEscalationAt).isZero();
        assertThat(st.nextDue()).isEqualTo(1000 + 30 * MIN);
        assertThat(Lifecycle.onEscalationDue(st, PLAN, 10 * MIN)).isEmpty(); // no escalation while shelved

        // it recovers and comes back within the hold-off: recorded, still held back
        reading(TEMP, TEMP_RULE, 2 * MIN, 30);
        reading(TEMP, TEMP_RULE, 3 * MIN, 47);
        assertThat(out.subList(out.size() - 2, out.size())).extracting(u -> u.event().type(), u -> u.event().heldBack())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertEventType.RECOVERED, HoldBack.SHELVED),
                        org.assertj.core.groups.Tuple.tuple(AlertEventType.REPEATED, HoldBack.SHELVED));
        assertThat(st.current.state()).isEqualTo(AlertState.SHELVED);
        assertThat(st.nextEscalationAt).isZero();
    }

    @Test
    void atExpiryAStillActiveAlarmReturnsUnacknowledgedAndIsAnnouncedAgain() {
        reading(TEMP, TEMP_RULE, 0, 46);
        command(AlertCommand.Type.ACKNOWLEDGE, "op1", null, 0, 500);
        command(AlertCommand.Type.SHELVE, "op1", "known drift", 30, 1000);
        assertThat(Lifecycle.onDue(st, PLAN, 20 * MIN)).isEmpty(); // not yet
        List<AlertUpdate> due = Lifecycle.onDue(st, PLAN, 1000 + 30 * MIN);
        assertThat(due).hasSize(1);
        AlertEvent back = due.get(0).event();
        assertThat(back.type()).isEqualTo(AlertEventType.UNSHELVED);
        assertThat(back.announced()).isTrue();
        assertThat(english(back)).contains("expired");
        assertThat(st.current.state()).isEqualTo(AlertState.ACTIVE); // unacknowledged again
        assertThat(st.current.handling().acknowledged()).isFalse();
        assertThat(st.shelved()).isFalse();
        assertThat(st.nextEscalationAt).isEqualTo(1000 + 30 * MIN + 5 * MIN); // its escalation starts over
    }

    @Test
    void atExpiryARecoveredAlarmJustEndsItsShelving() {
        reading(TEMP, TEMP_RULE, 0, 46);
        command(AlertCommand.Type.SHELVE, "op1", "known drift", 30, 1000);
        reading(TEMP, TEMP_RULE, 60_000, 20);
        List<AlertUpdate> due = Lifecycle.onDue(st, PLAN, 1000 + 30 * MIN);
        assertThat(due).extracting(u -> u.event().type()).containsExactly(AlertEventType.UNSHELVED);
        assertThat(st.current.state()).isEqualTo(AlertState.RECOVERED);
        assertThat(st.nextEscalationAt).isZero();
    }

    @Test
    void unshelvedByHandTheAlarmReturnsAcknowledged() {
        reading(TEMP, TEMP_RULE, 0, 46);
        command(AlertCommand.Type.SHELVE, "op1", "known drift", 30, 1000);
        command(AlertCommand.Type.UNSHELVE, "op2", null, 0, 2 * MIN);
        AlertEvent e = last();
        assertThat(e.type()).isEqualTo(AlertEventType.UNSHELVED);
        assertThat(e.actor()).isEqualTo("op2");
        assertThat(st.current.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(st.current.handling().acknowledgedBy()).isEqualTo("op2");
        assertThat(st.nextDue()).isZero(); // answered: no escalation, no expiry
        // and a second unshelve is refused with the reason
        command(AlertCommand.Type.UNSHELVE, "op2", null, 0, 3 * MIN);
        assertThat(last().type()).isEqualTo(AlertEventType.COMMAND_REFUSED);
        assertThat(last().note()).isEqualTo("the alarm is not shelved");
    }

    @Test
    void aShelvedAlarmThatRisesToAHigherLevelUnshelvesItself() {
        reading(TEMP, TEMP_RULE, 0, 46); // level 1
        command(AlertCommand.Type.SHELVE, "op1", "known drift", 60, 1000);
        reading(TEMP, TEMP_RULE, 2 * MIN, 62); // level 2
        List<AlertEventType> tail = out.subList(out.size() - 2, out.size()).stream().map(u -> u.event().type()).toList();
        assertThat(tail).containsExactly(AlertEventType.UNSHELVED, AlertEventType.LEVEL_CHANGED);
        assertThat(out.get(out.size() - 2).event().announced()).isTrue();
        assertThat(last().announced()).isTrue();
        assertThat(last().level()).isEqualTo(Level.CRITICAL);
        assertThat(st.shelved()).isFalse();
        assertThat(st.current.state()).isEqualTo(AlertState.ACTIVE);
        assertThat(st.nextEscalationAt).isPositive();
    }

    @Test
    void aNewOccurrenceWithinTheShelvingStaysShelved() {
        reading(TEMP, TEMP_RULE, 0, 46);
        command(AlertCommand.Type.SHELVE, "op1", "known drift", 60, 1000);
        command(AlertCommand.Type.CLOSE, "op1", null, 0, 1500); // refused: still active
        reading(TEMP, TEMP_RULE, 2 * MIN, 20);
        command(AlertCommand.Type.CLOSE, "op1", "checked on site", 0, 3 * MIN);
        reading(TEMP, TEMP_RULE, 10 * MIN, 46); // a new alert of the same alarm
        assertThat(last().type()).isEqualTo(AlertEventType.RAISED);
        assertThat(last().announced()).isFalse();
        assertThat(st.current.state()).isEqualTo(AlertState.SHELVED);
        assertThat(st.nextEscalationAt).isZero();
    }

    @Test
    void aLevel2GasAlarmCannotBeShelvedAndALevel1GasAlarmReachingLevel2Unshelves() {
        reading(GAS, GAS_RULE, 0, 55); // level 2 gas
        command(AlertCommand.Type.SHELVE, "op1", "false alarm, I am sure", 10, 1000);
        assertThat(last().type()).isEqualTo(AlertEventType.COMMAND_REFUSED);
        assertThat(last().note()).contains("level-2 gas alarm (GB/T 50493) can never be shelved");
        assertThat(st.shelved()).isFalse();
    }

    @Test
    void shelvingLongerThanTheLevelsMaximumOrWithoutAReasonIsRefused() {
        reading(TEMP, TEMP_RULE, 0, 46); // level 1: at most 2 h here
        command(AlertCommand.Type.SHELVE, "op1", "long job", 180, 1000);
        assertThat(last().note()).isEqualTo("180 minutes is longer than the longest shelving at level alarm, 120 minutes");
        command(AlertCommand.Type.SHELVE, "op1", " ", 30, 1000);
        assertThat(last().note()).isEqualTo("shelving needs a reason");
        command(AlertCommand.Type.SHELVE, "op1", "ok", 120, 1000);
        assertThat(last().type()).isEqualTo(AlertEventType.SHELVED);
        command(AlertCommand.Type.SHELVE, "op2", "again", 30, 2000);
        assertThat(last().type()).isEqualTo(AlertEventType.COMMAND_REFUSED);
        assertThat(english(last())).contains("already shelved by op1");
    }

    @Test
    void theActsOfPeopleOnAShelvedAlarmAreRecordedButNotAnnounced() {
        reading(TEMP, TEMP_RULE, 0, 46);
        command(AlertCommand.Type.SHELVE, "op1", "known drift", 30, 1000);
        command(AlertCommand.Type.ACKNOWLEDGE, "op1", null, 0, 2000);
        assertThat(last().type()).isEqualTo(AlertEventType.ACKNOWLEDGED);
        assertThat(last().announced()).isFalse();
        assertThat(st.current.state()).isEqualTo(AlertState.SHELVED);
    }
}
