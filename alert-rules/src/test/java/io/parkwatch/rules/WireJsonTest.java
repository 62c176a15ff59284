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
        // who sent it travels with it; readings of earlier versions (no "src") still read
        Reading sent = new Reading("P1", "ent-a", 1_700_000_000_123L, 27.25, Quality.N, 1_700_000_000_200L,
                "hj212:HX20260001A0000000000001");
        assertThat(new String(ReadingJson.write(sent), java.nio.charset.StandardCharsets.UTF_8))
                .endsWith(",\"src\":\"hj212:HX20260001A0000000000001\"}");
        assertThat(ReadingJson.read(ReadingJson.write(sent))).isEqualTo(sent);
        assertThat(ReadingJson.read(("{\"point\":\"P1\",\"ent\":\"ent-a\",\"ts\":1,\"v\":2,\"q\":\"N\",\"recv\":3}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).source()).isNull();
    }

    @Test
    void alertEventAndAlertRoundTrip() {
        AlertEvent e = AlertEvent.builder().eventId("e1").alertId("a1").seq(1).type(AlertEventType.RAISED)
                .ruleId("gas").pointId("P1").enterpriseId("ent-a").kind(PointKind.GAS_LEL).unit("%LEL")
                .direction(Direction.HIGH).level(Level.ALARM).value(30).limit(25).eventTime(1000).detectedAt(1010)
                .readingReceivedAt(1001).tank("T-1").zone("Z1").message("msg")
                .category(io.parkwatch.rules.model.AlertCategory.PROCESS).build();
        assertThat(WireJson.alertEvent(WireJson.write(e))).isEqualTo(e);
        Alert a = Alert.raisedBy(e);
        assertThat(WireJson.alert(WireJson.write(a))).isEqualTo(a);
        assertThat(WireJson.writeString(a)).contains("\"state\":\"ACTIVE\"", "\"level\":\"ALARM\"");
    }

    @Test
    void recordsOfEarlierVersionsReadWithTodaysNames() {
        // before the alarm-management names: a permit's alert was SUPPRESSED and carried suppressedBy
        String event = "{\"eventId\":\"e1\",\"alertId\":\"a1\",\"seq\":1,\"type\":\"RAISED\",\"ruleId\":\"gas\","
                + "\"pointId\":\"P1\",\"level\":\"ALARM\",\"suppressedBy\":\"WP-7\"}";
        AlertEvent e = WireJson.alertEvent(event.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(e.heldBack()).isEqualTo(io.parkwatch.rules.model.HoldBack.MASKED);
        assertThat(e.heldBackBy()).isEqualTo("WP-7");
        assertThat(e.announced()).isFalse();
        String alert = "{\"alertId\":\"a1\",\"ruleId\":\"gas\",\"pointId\":\"P1\",\"state\":\"SUPPRESSED\","
                + "\"suppressedBy\":\"WP-7\",\"level\":\"ALARM\"}";
        Alert a = WireJson.alert(alert.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(a.state()).isEqualTo(io.parkwatch.rules.model.AlertState.MASKED);
        assertThat(a.heldBack()).isEqualTo(io.parkwatch.rules.model.HoldBack.MASKED);
        assertThat(WireJson.writeString(a)).contains("\"state\":\"MASKED\"", "\"heldBackBy\":\"WP-7\"")
                .doesNotContain("SUPPRESSED");
    }
}
