package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.StreamFilter;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class OncePerEventTest {

    @Test
    void theSecondCopyOfARecoveryIsDroppedAndTheOrderKept() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            send(h, event("a1", 1, AlertEventType.RAISED), event("a2", 1, AlertEventType.RAISED),
                    event("a1", 2, AlertEventType.ACKNOWLEDGED));
            snapshot = h.snapshot(1, 1);
            // written again after a recovery, then the alarm goes on
            send(h, event("a1", 1, AlertEventType.RAISED), event("a1", 2, AlertEventType.ACKNOWLEDGED),
                    event("a1", 3, AlertEventType.CLOSED));
            assertThat(ids(h)).containsExactly("a1#1", "a2#1", "a1#2", "a1#3");
        }
        // the ids seen are kept in the checkpoint: a restored job drops the copies it had already let through
        try (var h = harness()) {
            h.initializeState(snapshot);
            h.open();
            send(h, event("a1", 2, AlertEventType.ACKNOWLEDGED), event("a1", 3, AlertEventType.CLOSED));
            assertThat(ids(h)).containsExactly("a1#3");
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, AlertEvent> harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new StreamFilter<>(new OncePerEvent()),
                AlertEvent::alertId, Types.STRING);
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, AlertEvent> h,
            AlertEvent... events) throws Exception {
        for (AlertEvent e : events) {
            h.processElement(new StreamRecord<>(e, e.eventTime()));
        }
    }

    private static List<String> ids(KeyedOneInputStreamOperatorTestHarness<String, AlertEvent, AlertEvent> h) {
        return h.extractOutputValues().stream().map(AlertEvent::eventId).toList();
    }

    private static AlertEvent event(String alert, int seq, AlertEventType type) {
        return AlertEvent.builder().eventId(alert + "#" + seq).alertId(alert).seq(seq).type(type)
                .eventTime(1_000L * seq).build();
    }
}
