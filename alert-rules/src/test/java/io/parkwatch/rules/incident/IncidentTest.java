package io.parkwatch.rules.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentTest {

    @Test
    void aFloodsIncidentIsPublishedWithItsFirstOutItsLatestAlarmsAndTheCountOfAll() {
        Incident all = incident(10_000);
        Incident published = all.carrying(Incident.CARRIED);
        assertThat(published.alarms()).hasSize(Incident.CARRIED);
        assertThat(published.firstOut().alertId()).isEqualTo("a0");
        assertThat(published.alarms().get(1).alertId()).isEqualTo("a9801");
        assertThat(published.alarms().get(Incident.CARRIED - 1).alertId()).isEqualTo("a9999");
        assertThat(published.alarmCount()).isEqualTo(10_000);
        // small enough to be a Kafka record (1 MB), whatever the flood
        assertThat(WireJson.write(new IncidentEvent("e", 2, IncidentEventType.GROWN, "a9999", 1, published)))
                .hasSizeLessThan(200_000);
        // an incident that fits is published whole
        assertThat(incident(Incident.CARRIED).carrying(Incident.CARRIED)).isEqualTo(incident(Incident.CARRIED));
    }

    @Test
    void anIncidentWrittenBeforeTheCountHadAFieldCountsItsAlarms() {
        String json = new String(WireJson.write(incident(3)), StandardCharsets.UTF_8).replace(",\"alarmCount\":3", "");
        assertThat(json).doesNotContain("alarmCount");
        Incident read = WireJson.read(json.getBytes(StandardCharsets.UTF_8), Incident.class);
        assertThat(read.alarmCount()).isEqualTo(3);
        assertThat(read).isEqualTo(incident(3));
    }

    private static Incident incident(int alarms) {
        List<IncidentAlarm> list = new ArrayList<>();
        for (int i = 0; i < alarms; i++) {
            list.add(new IncidentAlarm("a" + i, "gas", "P-" + i, null, null, null, Level.ALARM, 1_000L + i, null,
                    false, false, "ent-a"));
        }
        return new Incident("inc-a0", "ent-a", "process", IncidentState.OPEN, Level.ALARM, 1_000, 1_000 + alarms,
                list, true);
    }
}
