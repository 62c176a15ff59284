package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ConfigDocument;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.OperatorStateBackend;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/**
 * The configuration documents in broadcast state, deflated ({@link ConfigState}): a rule change applied before a
 * restart is still in force after it, whether the checkpoint is this version's or one that kept the documents as text.
 */
class ConfigStateTest {

    /** The start-up rules alarm at 25 %LEL; the change applied on the config topic at 15. */
    static final String CHANGED_RULES = """
            rules:
              - { id: combustible-gas, type: threshold, match: { kind: gas_lel }, high: { alarm: 15 }, deadband: 2 }
            """;
    static final long T0 = PointRulesFunctionTest.T0;

    @Test
    void aRuleChangeAnEarlierVersionKeptAsTextIsStillInForceAfterTheUpgrade() throws Exception {
        OperatorSubtaskState earlier;
        try (var h = harness(new EarlierVersion(), ConfigState.TEXTS)) {
            h.open();
            h.processBroadcastElement(new StreamRecord<>(new ConfigDocument(ConfigDocument.RULES, CHANGED_RULES,
                    "rules.yaml", T0)));
            earlier = h.snapshot(1, T0);
        }
        OperatorSubtaskState upgraded;
        try (var h = restored(earlier)) {
            assertThat(raisedAt20(h, "G1")).as("20 %LEL is over the changed rule's 15, not the start-up 25").isTrue();
            upgraded = h.snapshot(2, T0 + 1);
        }
        try (var h = restored(upgraded)) { // this version's own checkpoint: the change still there, and no texts left
            assertThat(raisedAt20(h, "G2")).as("G1's alarm is open since; G2 crosses the changed rule").isTrue();
            OperatorStateBackend state = ((AbstractStreamOperator<?>) h.getOperator()).getOperatorStateBackend();
            assertThat(state.getBroadcastState(ConfigState.TEXTS).entries()).isEmpty();
            assertThat(ConfigState.inflate(state.getBroadcastState(ConfigState.DOCUMENTS).get(ConfigDocument.RULES)))
                    .isEqualTo(CHANGED_RULES);
        }
    }

    @Test
    void withoutTheChangeTheStartUpRulesDecide() throws Exception {
        try (var h = harness(new PointRulesFunction(startUp(), Lateness.of(Duration.ofMinutes(2))), ConfigState.DOCUMENTS)) {
            h.open();
            assertThat(raisedAt20(h, "G1")).as("20 %LEL is under the start-up rule's 25").isFalse();
        }
    }

    /** An emptied file (no maintenance windows any more) is a document too: kept, read back, readings still evaluated. */
    @Test
    void anEmptyDocumentIsKeptAndTheRulesGoOn() throws Exception {
        assertThat(ConfigState.inflate(ConfigState.deflate(""))).isEmpty();
        try (var h = harness(new PointRulesFunction(startUp(), Lateness.of(Duration.ofMinutes(2))), ConfigState.DOCUMENTS)) {
            h.open();
            h.processBroadcastElement(new StreamRecord<>(new ConfigDocument(ConfigDocument.RULES, CHANGED_RULES,
                    "rules.yaml", T0)));
            h.processBroadcastElement(new StreamRecord<>(new ConfigDocument(ConfigDocument.MAINTENANCE, "",
                    "maintenance.yaml", T0)));
            assertThat(raisedAt20(h, "G1")).as("the change before the empty document is in force").isTrue();
        }
    }

    @Test
    void aDocumentIsDeflatedToAFractionAndInflatedAsItWas() {
        StringBuilder registry = new StringBuilder("enterprises: [ { id: ent-a, name: 危化品仓储有限公司 } ]\npoints:\n");
        for (int i = 1; i <= 10_000; i++) {
            registry.append("  - { id: G").append(i).append(", enterprise: ent-a, kind: gas_lel, unit: \"%LEL\",")
                    .append(" range: [0, 100], location: 罐区").append(i % 40).append(" }\n");
        }
        byte[] deflated = ConfigState.deflate(registry.toString());
        assertThat(deflated.length).isLessThan(registry.length() / 5);
        assertThat(ConfigState.inflate(deflated)).isEqualTo(registry.toString());
    }

    @Test
    void aLargeDocumentIsInflatedOncePerProcessAndSharedByWhoeverReadsItBack() {
        StringBuilder registry = new StringBuilder("enterprises: [ { id: ent-a, name: 危化品仓储有限公司 } ]\npoints:\n");
        for (int i = 1; i <= 60_000; i++) {
            registry.append("  - { id: G").append(i).append(", enterprise: ent-a, kind: gas_lel, range: [0, 100] }\n");
        }
        byte[] inOneOperator = ConfigState.deflate(registry.toString());
        byte[] inAnother = ConfigState.deflate(registry.toString()); // its own copy, as each operator's state has
        assertThat(inOneOperator.length).isGreaterThanOrEqualTo(ConfigState.SHARED_FROM_BYTES);
        assertThat(inAnother).isNotSameAs(inOneOperator);
        String first = ConfigState.inflate(inOneOperator);
        assertThat(first).isEqualTo(registry.toString());
        assertThat(ConfigState.inflate(inAnother)).isSameAs(first);
        // a damaged copy is refused each time it is read, not remembered as anything
        byte[] cut = Arrays.copyOf(inOneOperator, inOneOperator.length - 100);
        assertThatThrownBy(() -> ConfigState.inflate(cut)).hasMessageContaining("cut short");
        assertThatThrownBy(() -> ConfigState.inflate(cut)).hasMessageContaining("cut short");
        // small documents are inflated where they are read
        byte[] rules = ConfigState.deflate(CHANGED_RULES);
        assertThat(ConfigState.inflate(rules)).isEqualTo(CHANGED_RULES).isNotSameAs(ConfigState.inflate(rules));
    }

    @Test
    void aDocumentCutShortIsRefusedNotReadAsLess() {
        byte[] deflated = ConfigState.deflate(CHANGED_RULES);
        assertThatThrownBy(() -> ConfigState.inflate(Arrays.copyOf(deflated, deflated.length / 2)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cut short");
    }

    private static ParkConfig startUp() {
        return new ParkConfig(PointRulesFunctionTest.POINTS, PointRulesFunctionTest.RULES, null);
    }

    private static KeyedBroadcastOperatorTestHarness<String, Reading, ConfigDocument, AlertUpdate> restored(
            OperatorSubtaskState checkpoint) throws Exception {
        var h = harness(new PointRulesFunction(startUp(), Lateness.of(Duration.ofMinutes(2))), ConfigState.DOCUMENTS);
        h.initializeState(checkpoint);
        h.open();
        return h;
    }

    private static KeyedBroadcastOperatorTestHarness<String, Reading, ConfigDocument, AlertUpdate> harness(
            KeyedBroadcastProcessFunction<String, Reading, ConfigDocument, AlertUpdate> function,
            MapStateDescriptor<?, ?> state) throws Exception {
        var h = new KeyedBroadcastOperatorTestHarness<>(new CoBroadcastWithKeyedOperator<>(function, List.of(state)),
                Reading::pointId, Types.STRING, 1, 1, 0);
        h.setup();
        return h;
    }

    /** Whether a reading of 20 %LEL raises the point's alarm. */
    private static boolean raisedAt20(KeyedBroadcastOperatorTestHarness<String, Reading, ConfigDocument, AlertUpdate> h,
            String point) throws Exception {
        h.processBroadcastWatermark(Long.MAX_VALUE);
        h.processWatermark(T0);
        h.processElement(new StreamRecord<>(new Reading(point, "ent-a", T0, 20, Quality.N, T0), T0));
        return h.extractOutputValues().stream().anyMatch(u -> u.event().type() == AlertEventType.RAISED
                && u.event().level() == Level.ALARM && u.event().pointId().equals(point));
    }

    /** What versions before {@link ConfigState} did with a configuration document: kept its text. */
    private static final class EarlierVersion extends KeyedBroadcastProcessFunction<String, Reading, ConfigDocument, AlertUpdate> {
        @Override
        public void processElement(Reading r, ReadOnlyContext ctx, Collector<AlertUpdate> out) {
        }

        @Override
        public void processBroadcastElement(ConfigDocument doc, Context ctx, Collector<AlertUpdate> out) throws Exception {
            ctx.getBroadcastState(ConfigState.TEXTS).put(doc.kind(), doc.yaml());
        }
    }
}
