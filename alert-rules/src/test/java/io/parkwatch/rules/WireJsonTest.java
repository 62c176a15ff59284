package io.parkwatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.WireJson;
import org.junit.jupiter.api.Test;

class WireJsonTest {

    @Test
    void readingRoundTrips() {
        Reading r = new Reading("P1", "ent-a", 1_700_000_000_123L, 27.25, Quality.M, 1_700_000_000_200L);
        assertThat(ReadingJson.read(ReadingJson.write(r))).isEqualTo(r);
    }

    @Test
    void alertEventAndAlertRoundTrip() {
        AlertEvent e = new AlertEvent("e1", "a1", 1, AlertEventType.RAISED, "gas", "P1", "ent-a", PointKind.GAS_LEL,
                "%LEL", Direction.HIGH, Level.ALARM, null, 30, 25, 1000, 1010, 1001, "T-1", "Z1", "msg", io.parkwatch.rules.model.AlertCategory.PROCESS, null, null, null);
        assertThat(WireJson.alertEvent(WireJson.write(e))).isEqualTo(e);
        Alert a = Alert.raisedBy(e);
        assertThat(WireJson.alert(WireJson.write(a))).isEqualTo(a);
        assertThat(WireJson.writeString(a)).contains("\"state\":\"ACTIVE\"", "\"level\":\"ALARM\"");
    }
}
