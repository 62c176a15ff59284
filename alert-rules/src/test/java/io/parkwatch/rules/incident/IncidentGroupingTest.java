package io.parkwatch.rules.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.HoldBack;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentGroupingTest {

    static final long T0 = 1_800_000_000_000L;
    final IncidentBook book = new IncidentBook();
    final IncidentGrouping.Settings settings = new IncidentGrouping.Settings(Duration.ofMinutes(10),
            new Flood(3, Duration.ofMinutes(1)));

    @Test
    void aLeakSpreadingOverAZoneIsOneIncidentWithItsFirstOutAndItsDevelopments() {
        assertThat(types(raise("gt1", "HX-T101-GT1", PointKind.GAS_LEL, "T-101", "HX-Z1", Level.ALARM, 0)))
                .containsExactly(IncidentEventType.OPENED);
        assertThat(types(raise("gt2", "HX-T101-GT2", PointKind.GAS_LEL, "T-101", "HX-Z1", Level.ALARM, 40)))
                .containsExactly(IncidentEventType.GROWN);
        // the same zone, another tank: the place is the zone, so nothing new
        assertThat(types(raise("t102", "HX-T102-GT1", PointKind.GAS_LEL, "T-102", "HX-Z1", Level.ALARM, 90)))
                .containsExactly(IncidentEventType.GROWN);
        // the first-out rises to level 2: a development, never folded away
        List<IncidentEvent> rose = apply(event("gt1", AlertEventType.LEVEL_CHANGED, Level.CRITICAL, 120));
        assertThat(types(rose)).containsExactly(IncidentEventType.DEVELOPED);
        // toxic after combustible: a new kind
        List<IncidentEvent> toxic = raise("h2s", "HX-T101-H2S", PointKind.GAS_TOXIC, "T-101", "HX-Z1", Level.ALARM, 150);
        assertThat(types(toxic)).containsExactly(IncidentEventType.DEVELOPED);
        Incident i = toxic.get(0).incident();
        assertThat(i.incidentId()).isEqualTo("inc-gt1");
        assertThat(i.firstOut().alertId()).isEqualTo("gt1");
        assertThat(i.alarms()).extracting(IncidentAlarm::alertId).containsExactly("gt1", "gt2", "t102", "h2s");
        assertThat(i.alarms()).extracting(IncidentAlarm::development).containsExactly(null, null, null, "kind");
        assertThat(i.worstLevel()).isEqualTo(Level.CRITICAL);
        // a second zone is a new place
        assertThat(raise("t103", "HX-T103-GT1", PointKind.GAS_LEL, "T-103", "HX-Z2", Level.ALARM, 160).get(0)
                .incident().alarms().get(4).development()).isEqualTo("place");
    }

    @Test
    void aSilentLoggerIsALinkIncidentAndASilentPointADataIncidentApartFromTheProcess() {
        raise("gt1", "HX-T101-GT1", PointKind.GAS_LEL, "T-101", "HX-Z1", Level.ALARM, 0);
        List<IncidentEvent> logger = apply(loggerOffline("off", "ent-huaxin", 30));
        assertThat(logger.get(0).incident().incidentId()).isEqualTo("inc-off");
        assertThat(logger.get(0).incident().scope()).isEqualTo("link");
        List<IncidentEvent> point = apply(base("stale", "HX-T102-TT", PointKind.TEMPERATURE, Level.WARN, 35)
                .withType(AlertEventType.RAISED).withCategory(AlertCategory.DATA_QUALITY));
        assertThat(point.get(0).incident().incidentId()).isEqualTo("inc-stale");
        assertThat(point.get(0).incident().scope()).isEqualTo("data");
        // eleven minutes after the last process alarm: a new incident
        assertThat(raise("later", "HX-T101-GT2", PointKind.GAS_LEL, "T-101", "HX-Z1", Level.ALARM, 11 * 60)
                .get(0).incident().incidentId()).isEqualTo("inc-later");
        assertThat(book.incidents).hasSize(4);
    }

    @Test
    void aGatewayLosingTheLoggersOfManyEnterprisesIsOneIncidentAtThePark() {
        AlertEvent first = loggerOffline("off-a", "ent-a", 0);
        assertThat(IncidentGrouping.position(first)).isEqualTo(IncidentGrouping.PARK);
        assertThat(IncidentGrouping.position(base("x", "P1", PointKind.GAS_LEL, Level.ALARM, 0)))
                .isEqualTo("ent-huaxin");
        assertThat(types(apply(first))).containsExactly(IncidentEventType.OPENED);
        // the second enterprise makes it the park's failure, not one plant's: a development; the rest only grow it
        assertThat(types(apply(loggerOffline("off-b", "ent-b", 1)))).containsExactly(IncidentEventType.DEVELOPED);
        List<IncidentEvent> last = List.of();
        for (int k = 0; k < 30; k++) {
            last = apply(loggerOffline("off-" + k, "ent-" + k, 2));
        }
        assertThat(types(last)).containsExactly(IncidentEventType.GROWN);
        assertThat(book.incidents).hasSize(1);
        Incident i = book.incidents.get(0);
        assertThat(i.enterpriseId()).isEqualTo(IncidentGrouping.PARK);
        assertThat(i.firstOut().subject()).isEqualTo("logger:ent-a");
        assertThat(i.alarms()).hasSize(32);
        // an enterprise sees the park's incident with its own alarms only
        assertThat(i.concerns("ent-b")).isTrue();
        assertThat(i.concerns("ent-z")).isFalse();
        assertThat(i.asSeenBy("ent-b").alarms()).extracting(IncidentAlarm::alertId).containsExactly("off-b");
        assertThat(i.asSeenBy(null)).isSameAs(i);
    }

    static AlertEvent loggerOffline(String id, String enterprise, int seconds) {
        return base(id, "logger:" + enterprise, null, Level.WARN, seconds).withEnterpriseId(enterprise)
                .withType(AlertEventType.RAISED).withRuleId("offline").withCategory(AlertCategory.DATA_QUALITY);
    }

    @Test
    void anIncidentIsAcknowledgedWhenEveryOpenAlarmIsAndClosedWithItsLastAlarm() {
        raise("a", "P1", PointKind.GAS_LEL, "T-1", "Z1", Level.ALARM, 0);
        raise("b", "P2", PointKind.GAS_LEL, "T-1", "Z1", Level.ALARM, 10);
        assertThat(apply(event("a", AlertEventType.ACKNOWLEDGED, Level.ALARM, 20))).isEmpty();
        assertThat(types(apply(event("b", AlertEventType.ACKNOWLEDGED, Level.ALARM, 30))))
                .containsExactly(IncidentEventType.ACKNOWLEDGED);
        // back from shelving, unacknowledged: open again
        assertThat(types(apply(event("b", AlertEventType.UNSHELVED, Level.ALARM, 40).withActor("shelving"))))
                .containsExactly(IncidentEventType.REOPENED);
        assertThat(types(apply(event("b", AlertEventType.ACKNOWLEDGED, Level.ALARM, 50))))
                .containsExactly(IncidentEventType.ACKNOWLEDGED);
        assertThat(apply(event("a", AlertEventType.CLOSED, Level.ALARM, 60))).isEmpty();
        List<IncidentEvent> closed = apply(event("b", AlertEventType.CLOSED, Level.ALARM, 70));
        assertThat(types(closed)).containsExactly(IncidentEventType.CLOSED);
        assertThat(closed.get(0).incident().state()).isEqualTo(IncidentState.CLOSED);
        assertThat(closed.get(0).seq()).isEqualTo(6);
        assertThat(book.incidents).isEmpty();
    }

    @Test
    void aFloodStartsAboveTheCountInTheWindowAndEndsWhenTheWindowEmpties() {
        raise("a", "P1", PointKind.GAS_LEL, "T-1", "Z1", Level.ALARM, 0);
        raise("b", "P2", PointKind.GAS_LEL, "T-1", "Z1", Level.ALARM, 10);
        assertThat(types(raise("c", "P3", PointKind.GAS_LEL, "T-1", "Z1", Level.ALARM, 20)))
                .containsExactly(IncidentEventType.GROWN);
        List<IncidentEvent> fourth = raise("d", "P4", PointKind.GAS_LEL, "T-1", "Z1", Level.ALARM, 30);
        assertThat(types(fourth)).containsExactly(IncidentEventType.GROWN, IncidentEventType.FLOOD_STARTED);
        assertThat(fourth.get(1).incident().inFlood()).isTrue();
        assertThat(IncidentGrouping.tick(book, T0 + 50_000, settings)).isEmpty(); // four still within the minute
        assertThat(IncidentGrouping.nextTick(book, settings)).isEqualTo(T0 + 60_001);
        assertThat(types(IncidentGrouping.tick(book, T0 + 61_000, settings))).containsExactly(IncidentEventType.FLOOD_ENDED);
        assertThat(book.inFlood).isFalse();
    }

    @Test
    void heldBackAlarmsAreNotGrouped() {
        assertThat(apply(base("m", "P1", PointKind.GAS_LEL, Level.ALARM, 0).withType(AlertEventType.RAISED)
                .withHeldBack(HoldBack.SHELVED))).isEmpty();
        assertThat(book.incidents).isEmpty();
    }

    List<IncidentEvent> raise(String id, String point, PointKind kind, String tank, String zone, Level level, int s) {
        return apply(base(id, point, kind, level, s).withType(AlertEventType.RAISED).withTank(tank).withZone(zone));
    }

    AlertEvent event(String id, AlertEventType type, Level level, int s) {
        return base(id, "P", null, level, s).withType(type);
    }

    static AlertEvent base(String id, String point, PointKind kind, Level level, int seconds) {
        return AlertEvent.builder().eventId(id + "-" + seconds).alertId(id).seq(1).ruleId("r").pointId(point)
                .enterpriseId("ent-huaxin").kind(kind).level(level).eventTime(T0 + seconds * 1000L)
                .category(AlertCategory.PROCESS).build();
    }

    List<IncidentEvent> apply(AlertEvent e) {
        return IncidentGrouping.apply(book, e, settings);
    }

    static List<IncidentEventType> types(List<IncidentEvent> events) {
        List<IncidentEventType> t = new ArrayList<>();
        events.forEach(e -> t.add(e.type()));
        return t;
    }
}
