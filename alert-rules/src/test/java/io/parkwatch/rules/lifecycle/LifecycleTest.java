package io.parkwatch.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.engine.LimitSlice;
import io.parkwatch.rules.engine.RuleSlice;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertCommand;
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
import io.parkwatch.rules.engine.Limits;
import io.parkwatch.rules.threshold.ThresholdEvaluator;
import io.parkwatch.rules.threshold.ThresholdRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    static final Point GAS = new Point("GT1", "ent-a", PointKind.GAS_LEL, "%LEL", 0, 100, Duration.ofSeconds(1), "T-1",
            "Z1", "T-1 gas detector", null);
    static final ThresholdRule RULE = new ThresholdRule("gas", "gas", new RuleSelector(Set.of(PointKind.GAS_LEL), null,
            null, null, null), new Limits(null, 25.0, 50.0), null, 2, Duration.ZERO, Duration.ZERO);
    static final long HOLD_OFF = 60_000;
    static final EscalationPlan PLAN = ContactsFile.parse(YamlSource.parse("contacts.yaml", """
            escalation: { after: 5m, after-critical: 1m }
            park:
              duty-officer: { name: Duty Officer Wang, phone: "110" }
              authority: { name: County bureau }
            enterprises:
              - enterprise: ent-a
                operational: { name: Op Zhang }
                technical: { name: Tech Li }
                principal: { name: Boss Zhao }
            """), PointRegistryFile.parse(YamlSource.parse("p.yaml", "enterprises: [{id: ent-a}]\npoints: []\n")));

    final LimitSlice detection = new LimitSlice();
    final LifecycleState st = new LifecycleState();
    final List<AlertUpdate> out = new ArrayList<>();

    void reading(long ts, double v, long now) {
        for (AlertUpdate u : ThresholdEvaluator.evaluate(RULE, GAS, detection, new Reading("GT1", "ent-a", ts, v, Quality.N, 0), now)) {
            out.addAll(Lifecycle.onDetection(st, u, HOLD_OFF, PLAN, now));
        }
    }

    List<AlertUpdate> command(AlertCommand.Type type, String user, AlertCommand.Role role, String enterprise, String note) {
        List<AlertUpdate> r = Lifecycle.onCommand(st, new AlertCommand("c-" + out.size(), type, st.current.alertId(),
                st.current.key(), user, role, enterprise, note, 1000), 1000);
        out.addAll(r);
        return r;
    }

    List<AlertEventType> types() {
        return out.stream().map(u -> u.event().type()).toList();
    }

    @Test
    void aReAlarmWithinTheHoldOffIsTheSameAlertWithRepeatCount2() {
        reading(0, 30, 0);
        reading(10_000, 5, 0);      // recovered
        reading(40_000, 30, 0);     // again 30 s later: inside the 60 s hold-off
        assertThat(types()).containsExactly(AlertEventType.RAISED, AlertEventType.RECOVERED, AlertEventType.REPEATED);
        assertThat(out).extracting(u -> u.event().alertId()).containsOnly(out.get(0).event().alertId());
        assertThat(st.current.handling().repeatCount()).isEqualTo(2);
        assertThat(st.current.state()).isEqualTo(AlertState.ACTIVE);
        assertThat(out).extracting(u -> u.event().eventId()).doesNotHaveDuplicates();

        reading(50_000, 5, 0);
        reading(200_000, 30, 0);    // beyond the hold-off: a new alert; the old one still awaits its people
        assertThat(out.get(4).event().type()).isEqualTo(AlertEventType.RAISED);
        assertThat(out.get(4).event().alertId()).isNotEqualTo(out.get(0).event().alertId());
        assertThat(st.earlier).containsKey(out.get(0).event().alertId());
    }

    @Test
    void aReAlarmAfterTheAlertWasClosedIsANewAlertEvenWithinTheHoldOff() {
        reading(0, 30, 0);
        reading(10_000, 5, 0);
        command(AlertCommand.Type.ACKNOWLEDGE, "op", AlertCommand.Role.ENTERPRISE_OPERATOR, "ent-a", null);
        command(AlertCommand.Type.CLOSE, "op", AlertCommand.Role.ENTERPRISE_OPERATOR, "ent-a", "valve reseated");
        String closed = out.get(0).event().alertId();
        reading(40_000, 30, 0);     // inside the 60 s hold-off, but the incident was closed
        AlertUpdate again = out.get(out.size() - 1);
        assertThat(again.event().type()).isEqualTo(AlertEventType.RAISED);
        assertThat(again.event().alertId()).isNotEqualTo(closed);
        assertThat(again.alert().handlingOrNew().repeatCount()).isEqualTo(1);
        assertThat(again.alert().state()).isEqualTo(AlertState.ACTIVE);
    }

    @Test
    void closingNeedsANoteAndRecoveryUnlessAParkOfficerForcesIt() {
        reading(0, 30, 0);
        assertThat(command(AlertCommand.Type.CLOSE, "op", AlertCommand.Role.ENTERPRISE_OPERATOR, "ent-a", "fixed"))
                .extracting(u -> u.event().note()).first().asString().startsWith("still active");
        assertThat(command(AlertCommand.Type.FORCE_CLOSE, "op", AlertCommand.Role.ENTERPRISE_OPERATOR, "ent-a", "because"))
                .extracting(u -> u.event().note()).containsExactly("only a park officer may force-close an alert");
        reading(10_000, 5, 0);
        assertThat(command(AlertCommand.Type.CLOSE, "op", AlertCommand.Role.ENTERPRISE_OPERATOR, "ent-a", " "))
                .extracting(u -> u.event().note()).containsExactly("closing needs a disposal note (what was done)");
        List<AlertUpdate> closed = command(AlertCommand.Type.CLOSE, "op", AlertCommand.Role.ENTERPRISE_OPERATOR, "ent-a",
                "valve V-3 gasket replaced");
        assertThat(closed.get(0).event().type()).isEqualTo(AlertEventType.CLOSED);
        assertThat(closed.get(0).alert().state()).isEqualTo(AlertState.CLOSED);
        assertThat(closed.get(0).alert().handling().closeNote()).isEqualTo("valve V-3 gasket replaced");
        assertThat(closed.get(0).alert().handling().acknowledgedBy()).isEqualTo("op"); // closing answered it
        assertThat(command(AlertCommand.Type.ACKNOWLEDGE, "op", AlertCommand.Role.ENTERPRISE_OPERATOR, "ent-a", null))
                .extracting(u -> u.event().note()).first().asString().startsWith("already closed by op");
    }

    @Test
    void aParkOfficerForceClosesAnActiveAlertWithAReason() {
        reading(0, 30, 0);
        List<AlertUpdate> r = command(AlertCommand.Type.FORCE_CLOSE, "officer", AlertCommand.Role.PARK_OFFICER, null,
                "detector confirmed faulty, replaced");
        assertThat(r.get(0).event().type()).isEqualTo(AlertEventType.CLOSED);
        assertThat(r.get(0).event().message()).contains("force-closed by officer while active");
    }

    @Test
    void anOperatorOfAnotherEnterpriseIsRefusedAndUnknownAlertsAreAnswered() {
        reading(0, 30, 0);
        assertThat(command(AlertCommand.Type.ACKNOWLEDGE, "other", AlertCommand.Role.ENTERPRISE_OPERATOR, "ent-b", null))
                .extracting(u -> u.event().type(), u -> u.event().note()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertEventType.COMMAND_REFUSED,
                                "an operator of ent-b cannot act on an alert of ent-a"));
        List<AlertUpdate> unknown = Lifecycle.onCommand(st, new AlertCommand("x", AlertCommand.Type.ACKNOWLEDGE, "nope",
                st.current.key(), "op", AlertCommand.Role.PARK_OFFICER, null, null, 5), 5);
        assertThat(unknown.get(0).event().type()).isEqualTo(AlertEventType.COMMAND_REFUSED);
        assertThat(unknown.get(0).event().note()).isEqualTo("unknown alert nope");
    }

    @Test
    void unansweredAlertsEscalateAlongTheChainFasterWhenCriticalAndStopOnAcknowledge() {
        reading(0, 30, 0); // alarm: 5 min per stage
        assertThat(st.current.handling().notified()).isEqualTo("Op Zhang (operational responsible person)");
        assertThat(Lifecycle.onEscalationDue(st, PLAN, 4 * 60_000)).isEmpty();
        List<AlertUpdate> e1 = Lifecycle.onEscalationDue(st, PLAN, 5 * 60_000);
        assertThat(e1).extracting(u -> u.event().type(), u -> u.event().note()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertEventType.ESCALATED, "Tech Li (technical responsible person)"));
        reading(1000, 60, 5 * 60_000 + 1000); // critical now: the next step comes after 1 min
        assertThat(st.current.level()).isEqualTo(Level.CRITICAL);
        assertThat(st.nextEscalationAt).isEqualTo(6 * 60_000 + 1000);
        assertThat(Lifecycle.onEscalationDue(st, PLAN, 6 * 60_000 + 1000)).extracting(u -> u.event().note())
                .containsExactly("Boss Zhao (principal responsible person)");
        Lifecycle.onCommand(st, new AlertCommand("ack", AlertCommand.Type.ACKNOWLEDGE, st.current.alertId(),
                st.current.key(), "Boss Zhao", AlertCommand.Role.ENTERPRISE_OPERATOR, "ent-a", null, 400_000), 400_000);
        assertThat(st.current.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(st.nextEscalationAt).isZero();
        assertThat(Lifecycle.onEscalationDue(st, PLAN, 3_600_000)).isEmpty();
    }

    @Test
    void aMaskedAlertStaysMaskedThroughTheLifeCycle() {
        for (AlertUpdate u : ThresholdEvaluator.evaluate(RULE, GAS, detection, new Reading("GT1", "ent-a", 0, 30, Quality.N, 0), 0)) {
            AlertUpdate masked = new AlertUpdate(u.event().heldBack(HoldBack.MASKED, "WP-1"),
                    u.alert().heldBack(HoldBack.MASKED, "WP-1"));
            out.addAll(Lifecycle.onDetection(st, masked, HOLD_OFF, PLAN, 0));
        }
        assertThat(st.current.state()).isEqualTo(AlertState.MASKED);
        assertThat(out.get(0).alert().heldBackBy()).isEqualTo("WP-1");
        assertThat(out.get(0).event().announced()).isFalse();
    }

    @Test
    void aRecoveredAlertStaysOpenUntilAcknowledged() {
        reading(0, 30, 0);
        reading(10_000, 5, 0);
        Alert a = st.current;
        assertThat(a.state()).isEqualTo(AlertState.RECOVERED);
        assertThat(a.handling().acknowledged()).isFalse();
        assertThat(Lifecycle.onEscalationDue(st, PLAN, 5 * 60_000)).hasSize(1); // still chasing an answer
    }
}
