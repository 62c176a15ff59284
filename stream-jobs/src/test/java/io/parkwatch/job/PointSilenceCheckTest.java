package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.group.PointSignal;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ConfigDocument;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * A point under a stale rule has one silence check pending, however often it reports, and still goes silent exactly
 * the rule's time after its last reading (wall clock), not sooner and not later.
 */
class PointSilenceCheckTest {

    static final String POINTS = """
            enterprises: [ { id: ent-a } ]
            points:
              - { id: G1, enterprise: ent-a, kind: gas_lel, range: [0, 100], interval: 1s }
              - { id: G2, enterprise: ent-a, kind: gas_lel, range: [0, 100], interval: 1s }
            """;
    /** Silent after 3 intervals of 1 s: 3 s. */
    static final String RULES = """
            rules:
              - { id: offline, type: stale, match: { all: true }, intervals: 3 }
            """;
    static final long T0 = 1_767_225_600_000L;
    /** The wall clock of the tests: after the task came up (silence while the job itself was down does not count). */
    final long wall = System.currentTimeMillis() + 60_000;

    @Test
    void tenReadingsASecondKeepOneCheckPendingPerPoint() throws Exception {
        try (var h = harness()) {
            for (int i = 0; i < 100; i++) { // 10 s of both points at 10 readings a second
                h.setProcessingTime(wall + i * 100L);
                reading(h, "G1", T0 + i * 100L);
                reading(h, "G2", T0 + i * 100L);
            }
            // one per reading before: 200 registered, 60 of them (the last 3 s) still pending
            assertThat(h.numProcessingTimeTimers()).isEqualTo(2);
            assertThat(silences(h)).isEmpty();
        }
    }

    @Test
    void aPointGoesSilentTheRulesTimeAfterItsLastReading() throws Exception {
        try (var h = harness()) {
            long lastG2 = wall + 1_000;
            for (int i = 0; i <= 50; i++) { // G1 for 5 s, G2 for 1 s
                h.setProcessingTime(wall + i * 100L);
                reading(h, "G1", T0 + i * 100L);
                if (i <= 10) {
                    reading(h, "G2", T0 + i * 100L);
                }
                if (wall + i * 100L == lastG2 + 2_900) {
                    assertThat(silences(h)).isEmpty();
                }
            }
            assertThat(silences(h)).extracting(PointSignal::pointId, PointSignal::timestamp, PointSignal::receivedAt)
                    .as("its last reading's time, declared at the wall-clock time it fell silent")
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("G2", T0 + 1_000, lastG2 + 3_000));
            long lastG1 = wall + 5_000;
            h.setProcessingTime(lastG1 + 2_900);
            assertThat(silences(h)).extracting(PointSignal::pointId).containsExactly("G2");
            h.setProcessingTime(lastG1 + 3_000);
            assertThat(silences(h)).extracting(PointSignal::pointId).containsExactly("G2", "G1");
            assertThat(h.numProcessingTimeTimers()).as("a silent point has no check pending").isZero();

            // heard from again: its check comes back, and it is declared heard (the logger's alarm can clear)
            h.setProcessingTime(lastG1 + 10_000);
            reading(h, "G1", T0 + 15_000);
            assertThat(h.numProcessingTimeTimers()).isEqualTo(1);
            assertThat(signals(h)).filteredOn(s -> !s.silent()).extracting(PointSignal::pointId).containsExactly("G1");
        }
    }

    private static KeyedBroadcastOperatorTestHarness<String, Reading, ConfigDocument, AlertUpdate> harness()
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new PointRulesFunction(new ParkConfig(POINTS, RULES, null), Lateness.of(Duration.ofMinutes(2))),
                Reading::pointId, Types.STRING, ConfigState.DOCUMENTS);
    }

    private static void reading(KeyedBroadcastOperatorTestHarness<String, Reading, ConfigDocument, AlertUpdate> h,
            String point, long t) throws Exception {
        h.processElement(new StreamRecord<>(new Reading(point, "ent-a", t, 3, Quality.N, t), t));
    }

    private static List<PointSignal> signals(KeyedBroadcastOperatorTestHarness<String, Reading, ConfigDocument,
            AlertUpdate> h) {
        var out = h.getSideOutput(PointRulesFunction.SIGNALS);
        return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
    }

    private static List<PointSignal> silences(KeyedBroadcastOperatorTestHarness<String, Reading, ConfigDocument,
            AlertUpdate> h) {
        return signals(h).stream().filter(PointSignal::silent).toList();
    }
}
