package io.parkwatch.console.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.incident.Incident;
import io.parkwatch.rules.incident.IncidentBook;
import io.parkwatch.rules.incident.IncidentEvent;
import io.parkwatch.rules.incident.IncidentEventType;
import io.parkwatch.rules.incident.IncidentGrouping;
import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A flood's incident as the console keeps it: published carrying 200 of its alarms, known here whole. */
class IncidentStoreTest {

    @Test
    void everyAlarmOfAFloodsIncidentIsKnownThoughEachEventCarriesTwoHundred() {
        List<IncidentEvent> published = flood(1_000);
        IncidentStore store = new IncidentStore(100);
        published.forEach(store::add);
        String id = published.get(0).incident().incidentId();

        assertThat(store.members(id)).hasSize(1_000).startsWith("a0", "a1").endsWith("a999");
        assertThat(store.of("a500")).map(Incident::incidentId).contains(id); // carried by no event after its own
        Incident now = store.get(id).orElseThrow();
        assertThat(now.alarms()).hasSize(Incident.CARRIED);
        assertThat(now.alarmCount()).isEqualTo(1_000);
        int steps = store.timeline(id).size();
        published.subList(0, 10).forEach(store::add); // delivered again
        assertThat(store.timeline(id)).hasSize(steps);
        assertThat(store.get(id).orElseThrow().alarmCount()).isEqualTo(1_000);
    }

    @Test
    void aConsoleThatStartsAfterTheFloodKnowsWhatTheLastEventCarries() {
        List<IncidentEvent> published = flood(1_000);
        IncidentStore store = new IncidentStore(100);
        store.add(published.get(published.size() - 1));
        String id = published.get(0).incident().incidentId();
        assertThat(store.members(id)).hasSize(Incident.CARRIED).startsWith("a0").endsWith("a999");
        assertThat(store.get(id).orElseThrow().alarmCount()).isEqualTo(1_000);
    }

    @Test
    void theBoardsAreToldOnceWhenAPositionGoesIntoFloodAndOnceWhenItComesOut() {
        List<IncidentEvent> published = flood(1_000);
        IncidentStore store = new IncidentStore(100);
        List<String> told = new ArrayList<>();
        store.onFlood((enterprise, inFlood) -> told.add(enterprise + " " + inFlood));
        published.subList(0, 10).forEach(store::add); // ten alarms: not a flood (EEMUA 191: more than 10 in 10 min)
        assertThat(told).isEmpty();
        published.forEach(store::add); // the eleventh and the rest; the first ten again
        assertThat(told).containsExactly("ent-a true");
        assertThat(store.inFlood()).containsExactly("ent-a");
        IncidentEvent last = published.get(published.size() - 1);
        IncidentEvent ended = new IncidentEvent(last.incident().incidentId() + "-end", last.seq() + 1,
                IncidentEventType.FLOOD_ENDED, null, last.at() + 600_000, last.incident());
        store.add(ended);
        store.add(ended); // delivered again
        assertThat(told).containsExactly("ent-a true", "ent-a false");
        assertThat(store.inFlood()).isEmpty();
    }

    /** The job's incident events for {@code n} alarms of one enterprise a second apart, as it publishes them. */
    private static List<IncidentEvent> flood(int n) {
        IncidentBook book = new IncidentBook();
        List<IncidentEvent> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            AlertEvent raised = AlertEvent.builder().eventId("a" + k + "#1").alertId("a" + k).seq(1)
                    .type(AlertEventType.RAISED).ruleId("gas").pointId("P-" + k).enterpriseId("ent-a")
                    .level(Level.ALARM).category(AlertCategory.PROCESS).eventTime(1_000_000L + k * 1_000L)
                    .detectedAt(1_000_000L + k * 1_000L).build();
            for (IncidentEvent e : IncidentGrouping.apply(book, raised, IncidentGrouping.Settings.DEFAULT)) {
                out.add(new IncidentEvent(e.eventId(), e.seq(), e.type(), e.alertId(), e.at(),
                        e.incident().carrying(Incident.CARRIED)));
            }
        }
        assertThat(out.stream().map(e -> e.incident().incidentId()).distinct()).as("one incident").hasSize(1);
        return out;
    }
}
