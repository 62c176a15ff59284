package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.RejectReason;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.RejectedReading;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * Readings behind the watermark ({@link Lateness}): what a broker failover does to a partition shared by two
 * gateways. One gateway's newer readings have moved event time on while the other still held its older ones;
 * those are in order for their own point and must raise the alarm they carry. A reading its point has moved past,
 * or one further behind than the allowed lateness, is refused LATE with its reason.
 */
class PointRulesFunctionTest {

    static final String POINTS = """
            enterprises: [ { id: ent-a } ]
            points:
              - { id: G1, enterprise: ent-a, kind: gas_lel, range: [0, 100] }
              - { id: G2, enterprise: ent-a, kind: gas_lel, range: [0, 100] }
            """;
    static final String RULES = """
            rules:
              - { id: combustible-gas, type: threshold, match: { kind: gas_lel }, high: { alarm: 25 }, deadband: 2 }
            """;
    static final long T0 = 1_767_225_600_000L;

    @Test
    void aHeldReadingInOrderForItsPointRaisesItsAlarmBehindTheWatermark() throws Exception {
        try (var h = harness(Duration.ofMinutes(2))) {
            reading(h, "G1", T0, 3);
            reading(h, "G2", T0, 3);
            // the other gateway's readings of G2 went ahead: event time is 10 s on
            reading(h, "G2", T0 + 15_000, 3);
            watermark(h, T0 + 10_000);
            // G1's held readings, 1 to 8 s old: the crossing among them
            reading(h, "G1", T0 + 1_000, 3);
            reading(h, "G1", T0 + 2_000, 31);
            reading(h, "G1", T0 + 8_000, 3);

            assertThat(late(h)).isEmpty();
            List<AlertUpdate> g1 = updates(h, "G1");
            assertThat(g1).extracting(u -> u.event().type(), u -> u.event().level(), u -> u.event().eventTime())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(AlertEventType.RAISED, Level.ALARM, T0 + 2_000),
                            org.assertj.core.groups.Tuple.tuple(AlertEventType.RECOVERED, Level.ALARM, T0 + 8_000));
        }
    }

    @Test
    void aReadingItsPointHasMovedPastIsLate() throws Exception {
        try (var h = harness(Duration.ofMinutes(2))) {
            reading(h, "G1", T0, 3);
            reading(h, "G1", T0 + 9_000, 3);
            watermark(h, T0 + 10_000);
            reading(h, "G1", T0 + 5_000, 40); // behind the watermark and behind G1's 9 s: out of order for G1

            assertThat(updates(h, "G1")).isEmpty();
            assertThat(late(h)).singleElement().satisfies(r -> {
                assertThat(r.reason()).isEqualTo(RejectReason.LATE);
                assertThat(r.pointId()).isEqualTo("G1");
                assertThat(r.detail()).contains("after its point's reading of");
            });
        }
    }

    @Test
    void aReadingFurtherBehindThanTheAllowedLatenessIsLateEvenInOrder() throws Exception {
        try (var h = harness(Duration.ofSeconds(30))) {
            reading(h, "G1", T0, 3);
            reading(h, "G2", T0 + 60_000, 3);
            watermark(h, T0 + 55_000);
            reading(h, "G1", T0 + 20_000, 40); // in order for G1, but 35 s behind with 30 s allowed

            assertThat(updates(h, "G1")).isEmpty();
            assertThat(late(h)).singleElement().satisfies(r -> assertThat(r.detail()).contains("allowed lateness 30000 ms"));
            reading(h, "G1", T0 + 26_000, 40); // 29 s behind: evaluated
            assertThat(updates(h, "G1")).extracting(u -> u.event().type()).containsExactly(AlertEventType.RAISED);
        }
    }

    @Test
    void theRuleItself() {
        Lateness two = Lateness.of(Duration.ofMinutes(2));
        assertThat(two.evaluated(100, 100, 500L)).as("at the watermark").isTrue();
        assertThat(two.evaluated(90, 100, 80L)).as("behind, in order").isTrue();
        assertThat(two.evaluated(90, 100, null)).as("behind, the point's first").isTrue();
        assertThat(two.evaluated(90, 100, 95L)).as("behind, its point moved past").isFalse();
        assertThat(two.evaluated(100, 120_101, 0L)).as("further behind than allowed").isFalse();
        assertThat(new Lateness(0).evaluated(99, 100, 0L)).as("no lateness allowed: the watermark alone").isFalse();
    }

    private static KeyedBroadcastOperatorTestHarness<String, Reading, ConfigDocument, AlertUpdate> harness(
            Duration allowed) throws Exception {
        var h = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new PointRulesFunction(new ParkConfig(POINTS, RULES, null), Lateness.of(allowed)), Reading::pointId,
                Types.STRING, ConfigState.DOCUMENTS);
        return h;
    }

    /** Event time for the readings; the configuration's stream does not hold it back (as in the job). */
    private static void watermark(KeyedBroadcastOperatorTestHarness<String, Reading, ConfigDocument, AlertUpdate> h,
            long t) throws Exception {
        h.processBroadcastWatermark(Long.MAX_VALUE);
        h.processWatermark(t);
    }

    private static void reading(KeyedBroadcastOperatorTestHarness<String, Reading, ConfigDocument, AlertUpdate> h,
            String point, long t, double value) throws Exception {
        h.processElement(new StreamRecord<>(new Reading(point, "ent-a", t, value, Quality.N, t), t));
    }

    private static List<AlertUpdate> updates(KeyedBroadcastOperatorTestHarness<String, Reading, ConfigDocument,
            AlertUpdate> h, String point) {
        return h.extractOutputValues().stream().filter(u -> u.event().pointId().equals(point)).toList();
    }

    private static List<RejectedReading> late(KeyedBroadcastOperatorTestHarness<String, Reading, ConfigDocument,
            AlertUpdate> h) {
        var out = h.getSideOutput(PointRulesFunction.LATE);
        return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
    }
}
