package io.parkwatch.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.engine.LimitSlice;
import io.parkwatch.rules.engine.Limits;
import io.parkwatch.rules.model.AlertCommand;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.RuleSelector;
import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.threshold.ThresholdEvaluator;
import io.parkwatch.rules.threshold.ThresholdRule;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tiers with their own time limits, reminders and a roster's hand-over, on the life cycle alone. */
class ChainOfResponsibilityTest {

    static final long MIN = 60_000;
    static final ZoneId PARK = ZoneId.of("Asia/Shanghai");
    static final PointRegistry REGISTRY = PointRegistryFile.parse(YamlSource.parse("points.yaml", """
            park: { name: 测试园区, time-zone: Asia/Shanghai }
            enterprises: [{ id: ent-a }]
            points:
              - { id: GT1, enterprise: ent-a, kind: gas_lel, unit: "%LEL", range: [0, 100], tank: T-1, zone: Z1 }
              - { id: H2S, enterprise: ent-a, kind: gas_toxic, unit: ppm, range: [0, 100], tank: T-1, zone: Z1 }
            """));
    static final String CONTACTS = """
            people:
              - { id: hx-control, name: 华信中控室, phone: "0571-1" }
              - { id: zhang, name: 张伟, phone: "138-1" }
              - { id: wang-day, name: 王白班, phone: "139-1" }
              - { id: li-night, name: 李夜班, phone: "139-2" }
              - { id: bureau, name: 县应急管理局, phone: "12350" }
            rosters:
              - id: park-duty
                name: 园区监控中心值班
                shifts:
                  - { days: [mon-sun], from: "08:00", to: "20:00", person: wang-day }
                  - { days: [mon-sun], from: "20:00", to: "08:00", person: li-night }
            enterprises:
              - { enterprise: ent-a, control-room: hx-control, operational: zhang }
            tiers:
              - id: control-room
                name: 企业中控室
                reach: { responsible: control-room }
                acknowledge-within: { alarm: 3m, critical: 1m }
                remind-every: { alarm: 1m }
                channels: [dingtalk]
              - id: operational
                name: 操作负责人
                reach: { responsible: operational }
                acknowledge-within: { alarm: 5m }
                toxic-within: 1m
                channels: [sms, voice]
              - id: technical
                name: 技术负责人
                reach: { responsible: technical }
                acknowledge-within: { alarm: 5m }
              - id: park
                name: 园区值班
                reach: { roster: park-duty }
                acknowledge-within: { alarm: 10m }
                channels: [sms]
              - id: county
                name: 县应急管理局
                reach: { person: bureau }
                acknowledge-within: { alarm: 30m }
            """;
    static final EscalationPlan PLAN = ContactsFile.parse(YamlSource.parse("contacts.yaml", CONTACTS), REGISTRY);
    static final Point GAS = REGISTRY.point("GT1").orElseThrow();
    static final Point TOXIC = REGISTRY.point("H2S").orElseThrow();
    static final ThresholdRule RULE = new ThresholdRule("gas", "gas", new RuleSelector(Set.of(PointKind.GAS_LEL,
            PointKind.GAS_TOXIC), null, null, null, null), new Limits(null, 25.0, 50.0), null, 1, Duration.ZERO,
            Duration.ZERO);

    final LimitSlice detection = new LimitSlice();
    final LifecycleState st = new LifecycleState();
    final List<AlertUpdate> out = new ArrayList<>();

    static long at(int hour, int minute) {
        return LocalDateTime.of(2026, 12, 1, hour, minute).atZone(PARK).toInstant().toEpochMilli();
    }

    void reading(Point p, long t, double v) {
        for (AlertUpdate u : ThresholdEvaluator.evaluate(RULE, p, detection, new Reading(p.id(), "ent-a", t, v,
                Quality.N, t), t)) {
            out.addAll(Lifecycle.onDetection(st, u, 60_000, PLAN, t));
        }
    }

    /** Runs the timer at every due time up to {@code until}, as the job would. */
    void runUntil(long until) {
        while (st.nextDue() > 0 && st.nextDue() <= until) {
            out.addAll(Lifecycle.onDue(st, PLAN, st.nextDue()));
        }
    }

    List<AlertEvent> calls() {
        return out.stream().map(AlertUpdate::event).filter(e -> e.type() == AlertEventType.ESCALATED
                || e.type() == AlertEventType.REMINDED || e.type() == AlertEventType.HANDED_OVER).toList();
    }

    @Test
    void eachTierHasItsOwnTimeAndThoseWithNobodyArePassedOver() {
        long t0 = at(10, 0);
        reading(GAS, t0, 30); // level 1
        assertThat(st.current.handling().notified()).isEqualTo("华信中控室 (企业中控室, 0571-1)");
        runUntil(t0 + 60 * MIN);
        // control room reminded at +1, +2; operational at +3; technical has nobody: park duty (day shift) at +8;
        // county at +18
        assertThat(calls()).extracting(AlertEvent::type, e -> e.eventTime() - t0, e -> e.recipients().get(0).personId(),
                e -> e.recipients().get(0).tier()).containsExactly(
                        tuple(AlertEventType.REMINDED, 1 * MIN, "hx-control", "control-room"),
                        tuple(AlertEventType.REMINDED, 2 * MIN, "hx-control", "control-room"),
                        tuple(AlertEventType.ESCALATED, 3 * MIN, "zhang", "operational"),
                        tuple(AlertEventType.ESCALATED, 8 * MIN, "wang-day", "park"),
                        tuple(AlertEventType.ESCALATED, 18 * MIN, "bureau", "county"));
        AlertEvent toPark = calls().get(3);
        assertThat(toPark.recipients().get(0).phone()).isEqualTo("139-1");
        assertThat(toPark.recipients().get(0).channels()).containsExactly("sms");
        assertThat(Catalogue.chinese().render(toPark.text())).isEqualTo("未叫应，已升级通知 王白班（园区值班, 139-1）");
        assertThat(st.nextDue()).isZero(); // the last tier: nothing more to call
    }

    @Test
    void toxicGasMovesFasterAndAcknowledgingStopsEverything() {
        long t0 = at(10, 0);
        reading(TOXIC, t0, 30);
        runUntil(t0 + 4 * MIN);
        // operational has 1 minute for toxic gas: park at +3 + 1
        assertThat(calls()).extracting(AlertEvent::type, e -> e.eventTime() - t0).containsExactly(
                tuple(AlertEventType.REMINDED, 1 * MIN), tuple(AlertEventType.REMINDED, 2 * MIN),
                tuple(AlertEventType.ESCALATED, 3 * MIN), tuple(AlertEventType.ESCALATED, 4 * MIN));
        out.addAll(Lifecycle.onCommand(st, AlertCommand.builder().commandId("c1").type(AlertCommand.Type.ACKNOWLEDGE)
                .alertId(st.current.alertId()).alertKey(st.current.key()).user("wang-day").role(
                        AlertCommand.Role.PARK_OFFICER).issuedAt(t0 + 5 * MIN).build(), t0 + 5 * MIN));
        assertThat(st.nextDue()).isZero();
    }

    @Test
    void aShiftChangeHandsTheUnansweredAlarmToTheNextShift() {
        long t0 = at(19, 45);
        reading(GAS, t0, 30);
        runUntil(at(19, 55)); // with the park's day shift since 19:53 (control room 3 min, operational 5)
        assertThat(st.current.handling().notified()).startsWith("王白班");
        runUntil(at(20, 1));
        AlertEvent handOver = calls().stream().filter(e -> e.type() == AlertEventType.HANDED_OVER).findFirst()
                .orElseThrow();
        assertThat(handOver.eventTime()).isEqualTo(at(20, 0));
        assertThat(handOver.recipients().get(0).personId()).isEqualTo("li-night");
        assertThat(Catalogue.chinese().render(handOver.text())).isEqualTo("交接班：由 王白班 移交 李夜班（园区值班, 139-2）");
        assertThat(st.current.handling().notified()).startsWith("李夜班");
        // the escalation to the county keeps its time (10 minutes after the park was called, 20:03)
        runUntil(at(20, 30));
        assertThat(calls().get(calls().size() - 1).eventTime()).isEqualTo(at(20, 3));
        assertThat(calls()).filteredOn(e -> e.type() == AlertEventType.ESCALATED).extracting(e -> e.recipients().get(0)
                .personId()).containsExactly("zhang", "wang-day", "bureau");
    }

    @Test
    void everyMistakeOfTheFileWithItsLineAndField() {
        assertThatThrownBy(() -> ContactsFile.parse(YamlSource.parse("contacts.yaml", """
                people:
                  - { id: a, name: A }
                  - { id: a, name: B }
                rosters:
                  - { id: r, shifts: [{ days: [mon-funday], from: "8:00", to: "20:00", person: nobody }] }
                tiers:
                  - { id: t1, reach: { roster: nope }, acknowledge-within: { alarm: 5m } }
                  - { id: t2, reach: { responsible: boss }, channels: [pigeon] }
                """), REGISTRY)).isInstanceOf(ConfigException.class).message()
                .contains("contacts.yaml:3", "duplicate person id 'a'")
                .contains("contacts.yaml:5", "'mon-funday' is not a day", "'8:00' is not a time of day",
                        "unknown person 'nobody'")
                .contains("contacts.yaml:7", "unknown roster 'nope'")
                .contains("contacts.yaml:8", "unknown role 'boss'", "unknown channel 'pigeon'",
                        "acknowledge-within: is required");
    }
}
