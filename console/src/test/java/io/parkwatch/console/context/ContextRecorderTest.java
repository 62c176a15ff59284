package io.parkwatch.console.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.console.park.RecentReadings;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ContextRecorderTest {

    static final PointRegistry PARK = PointRegistryFile.parse(YamlSource.parse("points.yaml", """
            enterprises: [{ id: ent-a }, { id: ent-b }]
            points:
              - { id: GT1, enterprise: ent-a, kind: gas_lel, range: [0, 100], tank: T-1, zone: Z1 }
              - { id: LT1, enterprise: ent-a, kind: level, range: [0, 100], tank: T-1, zone: Z1 }
              - { id: GT2, enterprise: ent-a, kind: gas_lel, range: [0, 100], tank: T-2, zone: Z1 }
              - { id: GT9, enterprise: ent-a, kind: gas_lel, range: [0, 100], tank: T-9, zone: Z9 }
              - { id: B1, enterprise: ent-b, kind: gas_lel, range: [0, 100], tank: T-1, zone: Z1 }
            """));
    static final long T0 = 1_800_000_000_000L;

    @Test
    void theAlarmsPointAndNeighboursFromBeforeTheRaiseToAfterTheRecovery() {
        RecentReadings readings = new RecentReadings(10_000);
        List<AlarmContext> written = new CopyOnWriteArrayList<>();
        try (ContextRecorder r = recorder(readings, Duration.ofMinutes(2), Duration.ofMinutes(1), written)) {
            for (int s = 0; s < 600; s++) { // ten minutes, one reading a second, every point
                for (String p : List.of("GT1", "LT1", "GT2", "GT9", "B1")) {
                    readings.add(new Reading(p, p.equals("B1") ? "ent-b" : "ent-a", T0 + s * 1000L,
                            p.equals("GT1") && s >= 240 && s < 300 ? 30 : 2, Quality.N, 0));
                }
            }
            r.onEvent(event(AlertEventType.RAISED, T0 + 240_000));
            r.collect(T0 + 270_000);
            assertThat(written).isEmpty(); // still active
            r.onEvent(event(AlertEventType.RECOVERED, T0 + 300_000));
            r.collect(T0 + 330_000);
            assertThat(written).isEmpty(); // a minute after the recovery is not over yet
            r.collect(T0 + 361_000);
            assertThat(written).as("readings stamped up to the end may still be on their way").isEmpty();
            r.collect(T0 + 360_000 + ContextRecorder.SETTLE.toMillis());
            assertThat(written).hasSize(1);
            assertThat(r.following()).isZero();
        }
        AlarmContext c = written.get(0);
        assertThat(c.complete()).isTrue();
        assertThat(c.from()).isEqualTo(T0 + 120_000);
        assertThat(c.to()).isEqualTo(T0 + 360_000);
        // its point, the same tank, the same zone; not another enterprise's, not another zone's
        assertThat(c.points()).extracting(AlarmContext.PointReadings::pointId, AlarmContext.PointReadings::relation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GT1", "alarm"),
                        org.assertj.core.groups.Tuple.tuple("LT1", "tank"),
                        org.assertj.core.groups.Tuple.tuple("GT2", "zone"));
        List<RecentReadings.Sample> own = c.points().get(0).readings();
        assertThat(own).hasSize(241); // 120 s .. 360 s, both ends
        assertThat(own.get(0).t()).isEqualTo(T0 + 120_000);
        assertThat(own.stream().filter(s -> s.v() == 30)).hasSize(60);
    }

    @Test
    void aReadingThatArrivesAfterACollectionStampedBeforeItIsKept() {
        RecentReadings readings = new RecentReadings(10_000);
        List<AlarmContext> written = new CopyOnWriteArrayList<>();
        try (ContextRecorder r = recorder(readings, Duration.ofSeconds(30), Duration.ofSeconds(30), written)) {
            r.onEvent(event(AlertEventType.RAISED, T0 + 60_000));
            r.onEvent(event(AlertEventType.RECOVERED, T0 + 90_000));
            for (int s = 0; s <= 140; s++) {
                long now = T0 + s * 1000L;
                // each reading reaches the console two seconds after its stamp, as through a busy Kafka
                if (s >= 2) {
                    readings.add(new Reading("GT1", "ent-a", now - 2_000, 30, Quality.N, 0));
                }
                if (s % 5 == 0) {
                    r.collect(now);
                }
            }
            assertThat(written).singleElement().satisfies(c -> {
                assertThat(c.to()).isEqualTo(T0 + 120_000);
                // 30 s .. 120 s, both ends, a reading a second, none lost between two collections
                assertThat(c.points().get(0).readings()).extracting(RecentReadings.Sample::t)
                        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(30, 120)
                                .mapToObj(x -> T0 + x * 1000).toList());
            });
        }
    }

    /** A recorder on the test park that collects only when told (every hour on its own) and keeps what it writes. */
    static ContextRecorder recorder(RecentReadings readings, Duration before, Duration after, List<AlarmContext> written) {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(T0 + 600_000), ZoneOffset.UTC);
        return new ContextRecorder(readings, () -> PARK, before, after, Duration.ofHours(1), c -> {
            written.add(c);
            return CompletableFuture.completedFuture(null);
        }, clock);
    }

    static AlertEvent event(AlertEventType type, long at) {
        return AlertEvent.builder().eventId(type + "-" + at).alertId("A1").type(type).ruleId("gas").pointId("GT1")
                .enterpriseId("ent-a").tank("T-1").zone("Z1").eventTime(at).build();
    }
}
