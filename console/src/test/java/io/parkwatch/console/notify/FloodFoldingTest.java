package io.parkwatch.console.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.console.TestEvents;
import io.parkwatch.rules.incident.Incident;
import io.parkwatch.rules.incident.IncidentAlarm;
import io.parkwatch.rules.incident.IncidentGrouping;
import io.parkwatch.rules.incident.IncidentState;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.model.Recipient;
import io.parkwatch.rules.text.Catalogue;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FloodFoldingTest {

    static final long T0 = 1_800_000_000_000L;
    final AtomicLong now = new AtomicLong(T0);
    final Set<String> flooded = new HashSet<>();
    Incident incident = new Incident("inc-a1", "ent-a", "process", IncidentState.OPEN, Level.ALARM, T0, T0,
            List.of(alarm("a1", "GT1"), alarm("a2", "GT2"), alarm("a3", "GT3")), true);
    final FloodFolding folding = new FloodFolding(new FloodFolding.Incidents() {
        @Override
        public Set<String> inFlood() {
            return flooded;
        }

        @Override
        public Optional<Incident> of(String alertId) {
            return incident.alarms().stream().anyMatch(a -> a.alertId().equals(alertId)) ? Optional.of(incident)
                    : Optional.empty();
        }
    }, Duration.ofMinutes(1), now::get);

    @Test
    void outsideAFloodEveryEventGoesOnItsOwn() {
        assertThat(folding.fold(raised("a1", Level.ALARM))).isFalse();
        assertThat(folding.due()).isEmpty();
    }

    @Test
    void inAFloodAnIncidentIsToldOnceAndThenAtMostOncePerInterval() {
        flooded.add("ent-a");
        assertThat(folding.fold(raised("a1", Level.ALARM))).isTrue();
        List<AlertEvent> first = folding.due();
        assertThat(first).hasSize(1);
        String text = NotificationText.DEFAULT.sentence(first.get(0));
        assertThat(text).contains("首出 GT1", "共 3 条报警", "一级报警", "本次汇总 1 条");
        assertThat(first.get(0).eventId()).startsWith("digest-inc-a1|group-");
        // two more within the minute: nothing yet, then one message for both
        assertThat(folding.fold(raised("a2", Level.ALARM))).isTrue();
        now.addAndGet(20_000);
        assertThat(folding.fold(raised("a3", Level.ALARM))).isTrue();
        assertThat(folding.due()).isEmpty();
        now.set(T0 + 60_000);
        List<AlertEvent> update = folding.due();
        assertThat(update).hasSize(1);
        assertThat(NotificationText.DEFAULT.sentence(update.get(0))).contains("本次汇总 2 条");
    }

    @Test
    void anAlarmOfTheParksLinkIncidentInFloodIsFoldedThoughItsEnterpriseIsCalm() {
        incident = new Incident("inc-off-a", IncidentGrouping.PARK, "link", IncidentState.OPEN, Level.WARN, T0, T0,
                List.of(alarm("off-a", "logger:ent-a"), alarm("off-b", "logger:ent-b")), true);
        assertThat(folding.fold(raised("off-b", Level.WARN))).isFalse();
        flooded.add(IncidentGrouping.PARK);
        assertThat(folding.fold(raised("off-b", Level.WARN))).isTrue();
        assertThat(NotificationText.DEFAULT.sentence(folding.due().get(0))).contains("首出 logger:ent-a", "共 2 条报警");
    }

    @Test
    void aLevel2GasAlarmIsNeverFoldedAndEachPersonCalledGetsTheirOwnDigest() {
        flooded.add("ent-a");
        assertThat(folding.fold(raised("a2", Level.CRITICAL))).isFalse();
        AlertEvent toZhang = raised("a1", Level.ALARM).withType(AlertEventType.ESCALATED)
                .withRecipients(List.of(new Recipient("zhang", "张伟", "138", "operational", "操作负责人", List.of())));
        AlertEvent toLi = raised("a3", Level.ALARM).withType(AlertEventType.ESCALATED)
                .withRecipients(List.of(new Recipient("li", "李娜", "139", "technical", "技术负责人", List.of())));
        assertThat(folding.fold(toZhang)).isTrue();
        assertThat(folding.fold(toLi)).isTrue();
        assertThat(folding.due()).extracting(e -> e.recipients().get(0).personId()).containsExactlyInAnyOrder("zhang",
                "li");
    }

    static AlertEvent raised(String alertId, Level level) {
        return TestEvents.raised(alertId, "GT", "ent-a", level, T0).withKind(PointKind.GAS_LEL);
    }

    static IncidentAlarm alarm(String id, String subject) {
        return new IncidentAlarm(id, "combustible-gas", subject, PointKind.GAS_LEL, "T-1", "Z1", Level.ALARM, T0, null,
                false, false, "ent-a");
    }
}
