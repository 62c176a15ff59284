package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.incident.Incident;
import io.parkwatch.rules.incident.IncidentBook;
import io.parkwatch.rules.incident.IncidentEvent;
import io.parkwatch.rules.incident.IncidentGrouping;
import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.wire.WireJson;
import java.util.List;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/** The incidents stage's state and what it publishes, with Flink's operator harness. */
class IncidentFunctionTest {

    static final long T0 = 1_780_000_000_000L;

    @Test
    void aFloodsIncidentGrowsAcrossARestoreAndIsPublishedCarryingTwoHundred() throws Exception {
        OperatorSubtaskState half;
        try (var h = harness()) {
            h.open();
            raise(h, 0, 600);
            half = h.snapshot(1, 1);
            IncidentEvent last = last(h);
            assertThat(last.incident().alarmCount()).isEqualTo(600);
            assertThat(last.incident().alarms()).hasSize(Incident.CARRIED);
        }
        try (var h = harness()) {
            h.initializeState(half);
            h.open();
            raise(h, 600, 1_000);
            IncidentEvent last = last(h);
            assertThat(last.incident().alarmCount()).as("every alarm read back from its entry").isEqualTo(1_000);
            assertThat(last.incident().firstOut().alertId()).isEqualTo("a0");
            assertThat(last.incident().alarms().get(Incident.CARRIED - 1).alertId()).isEqualTo("a999");
            assertThat(h.extractOutputValues()).allSatisfy(e -> assertThat(e.incident().incidentId())
                    .isEqualTo("inc-a0"));
            // closing every alarm closes the incident and leaves nothing behind
            for (int k = 0; k < 1_000; k++) {
                h.processElement(new StreamRecord<>(alarm(k, AlertEventType.CLOSED)));
            }
            assertThat(last(h).type().name()).isEqualTo("CLOSED");
            OperatorSubtaskState empty = h.snapshot(2, 2);
            try (var after = harness()) {
                after.initializeState(empty);
                after.open();
                raise(after, 1_000, 1_001);
                assertThat(last(after).incident().incidentId()).as("a new incident").isEqualTo("inc-a1000");
                assertThat(last(after).incident().alarmCount()).isEqualTo(1);
            }
        }
    }

    @Test
    void aBookWrittenWholeByAnEarlierVersionIsSplitAndGrows() throws Exception {
        IncidentBook whole = new IncidentBook();
        for (int k = 0; k < 3; k++) {
            IncidentGrouping.apply(whole, alarm(k, AlertEventType.RAISED), IncidentGrouping.Settings.DEFAULT);
        }
        assertThat(whole.incidents.get(0).alarms()).hasSize(3);
        OperatorSubtaskState earlier;
        try (var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new WholeBook(WireJson.writeString(whole))), AlertEvent::enterpriseId, Types.STRING)) {
            h.open();
            h.processElement(new StreamRecord<>(alarm(0, AlertEventType.RAISED)));
            earlier = h.snapshot(1, 1);
        }
        try (var h = harness()) {
            h.initializeState(earlier);
            h.open();
            raise(h, 3, 4);
            assertThat(last(h).incident().alarms()).extracting(a -> a.alertId())
                    .containsExactly("a0", "a1", "a2", "a3");
            OperatorSubtaskState split = h.snapshot(2, 2);
            try (var again = harness()) {
                again.initializeState(split);
                again.open();
                raise(again, 4, 5);
                assertThat(last(again).incident().alarms()).extracting(a -> a.alertId())
                        .as("read back from the alarms' own entries").containsExactly("a0", "a1", "a2", "a3", "a4");
            }
        }
    }

    /** What the incidents stage kept before alarms had entries of their own: the whole book as one text. */
    private static final class WholeBook extends KeyedProcessFunction<String, AlertEvent, IncidentEvent> {

        private final String json;

        WholeBook(String json) {
            this.json = json;
        }

        @Override
        public void processElement(AlertEvent e, Context ctx, Collector<IncidentEvent> out) throws Exception {
            getRuntimeContext().getState(new ValueStateDescriptor<>("incident-book", Types.STRING)).update(json);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, IncidentEvent> harness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new IncidentFunction(
                IncidentGrouping.Settings.DEFAULT)), IncidentGrouping::position, Types.STRING);
    }

    private static void raise(KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, IncidentEvent> h, int from,
            int to) throws Exception {
        for (int k = from; k < to; k++) {
            h.processElement(new StreamRecord<>(alarm(k, AlertEventType.RAISED)));
        }
    }

    private static IncidentEvent last(KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, IncidentEvent> h) {
        List<IncidentEvent> all = h.extractOutputValues();
        return all.get(all.size() - 1);
    }

    /** Alarm {@code k} of one enterprise's flood, a second after the one before. */
    private static AlertEvent alarm(int k, AlertEventType type) {
        long at = T0 + k * 1_000L;
        return AlertEvent.builder().eventId("a" + k + "#" + type).alertId("a" + k).seq(1).type(type).ruleId("gas")
                .pointId("P-" + k).enterpriseId("ent-a").level(Level.ALARM).category(AlertCategory.PROCESS)
                .eventTime(at).detectedAt(at).build();
    }
}
