package io.parkwatch.console.park;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.console.auth.ConsoleUser;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertCommand.Role;
import io.parkwatch.rules.model.AlertState;
import io.parkwatch.rules.model.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each enterprise, unit and point marked with its own worst alert, and no other enterprise's. */
class ParkOverviewTest {

    private final PointRegistry registry = PointRegistryFile.parse(YamlSource.parse("points.yaml", """
            enterprises:
              - { id: ent-a, name: A Chemicals }
              - { id: ent-b, name: B Gases }
            points:
              - { id: A-T1-LEL, enterprise: ent-a, kind: gas_lel, range: [0, 100], interval: 2s, tank: T1 }
              - { id: B-T1-LEL, enterprise: ent-b, kind: gas_lel, range: [0, 100], interval: 2s, tank: T1 }
              - { id: A-T2-LEL, enterprise: ent-a, kind: gas_lel, range: [0, 100], interval: 2s, tank: T2 }
              - { id: A-T1-TT, enterprise: ent-a, kind: temperature, unit: "°C", range: [0, 200], interval: 5s, tank: T1 }
            """));

    private static Alert alert(String id, String point, String enterprise, String tank, Level level, AlertState state) {
        return Alert.builder().alertId(id).ruleId("r").pointId(point).enterpriseId(enterprise).tank(tank).level(level)
                .state(state).build();
    }

    @Test
    void eachPointUnitAndEnterpriseShowsItsOwnWorstAlert() {
        List<Alert> alerts = List.of(
                alert("a1", "A-T1-LEL", "ent-a", "T1", Level.WARN, AlertState.ACTIVE),
                alert("a2", "A-T1-LEL", "ent-a", "T1", Level.ALARM, AlertState.ACTIVE),
                alert("a3", "A-T1-TT", "ent-a", "T1", Level.ALARM, AlertState.CLOSED),
                alert("b1", "B-T1-LEL", "ent-b", "T1", Level.CRITICAL, AlertState.ACTIVE));
        ConsoleUser officer = new ConsoleUser("duty", "值班员", Role.PARK_OFFICER, null, null);
        ParkOverview o = ParkOverview.of(registry, alerts, new RecentReadings(10), officer, 0);

        ParkOverview.EnterpriseView a = o.enterprises().get(0);
        assertThat(a.id()).isEqualTo("ent-a");
        assertThat(a.openAlerts()).as("the closed one is not open").isEqualTo(2);
        assertThat(a.status()).as("B's critical alarm on its own T1 is not A's").isEqualTo("ALARM");
        assertThat(a.units()).extracting(ParkOverview.UnitView::name).containsExactly("T1", "T2");
        ParkOverview.UnitView t1 = a.units().get(0);
        assertThat(t1.status()).isEqualTo("ALARM");
        assertThat(t1.points()).extracting(ParkOverview.PointView::id, ParkOverview.PointView::status,
                ParkOverview.PointView::alertId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A-T1-LEL", "ALARM", "a2"),
                        org.assertj.core.groups.Tuple.tuple("A-T1-TT", "NORMAL", null));
        assertThat(a.units().get(1).status()).as("nothing on T2").isEqualTo("NORMAL");

        ParkOverview.EnterpriseView b = o.enterprises().get(1);
        assertThat(b.status()).isEqualTo("CRITICAL");
        assertThat(b.units().get(0).points()).extracting(ParkOverview.PointView::alertId).containsExactly("b1");

        ConsoleUser operatorOfB = new ConsoleUser("op-b", "操作员", Role.ENTERPRISE_OPERATOR, "ent-b", null);
        assertThat(ParkOverview.of(registry, alerts, new RecentReadings(10), operatorOfB, 0).enterprises())
                .extracting(ParkOverview.EnterpriseView::id).containsExactly("ent-b");
    }
}
