package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.job.kafka.Published;
import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.operations.ModeChange;
import io.parkwatch.rules.operations.OperationsFile;
import io.parkwatch.rules.operations.PlantOperations;
import io.parkwatch.rules.risk.Commitment;
import io.parkwatch.rules.risk.CommitmentsFile;
import io.parkwatch.rules.risk.OpenAlarm;
import io.parkwatch.rules.risk.RiskAssessment;
import io.parkwatch.rules.risk.RiskBook;
import io.parkwatch.rules.risk.RiskLevel;
import io.parkwatch.rules.risk.RiskReason;
import io.parkwatch.rules.risk.RiskWarning;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/**
 * The risk stage's own timing, with the clock in the test's hand: a commitment and the modes it sets, published one
 * after the other, are assessed together even when the stage's tick falls between them, and sooner than the next
 * tick of a long {@code evaluate-every}.
 */
class RiskFunctionTest {

    private static final ZoneId PARK = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final long NOON = ZonedDateTime.of(DAY.atTime(12, 0), PARK).toInstant().toEpochMilli();

    @Test
    void aCommitmentAndTheModesItSetsAreTakenTogetherWhateverTickFallsBetween() throws Exception {
        ParkConfig initial = config("evaluate-every: 1s");
        try (KeyedTwoInputStreamOperatorTestHarness<String, Published, ConfigDocument, RiskLevel> h = harness(initial)) {
            assessedAtNoon(h, initial);
            // from the start: the grade-3 tank farm and the missing commitment
            assertThat(causes(last(huaxin(h)))).containsExactly("commitment-missing", "hazard-source");
            int before = huaxin(h).size();

            // the console's one act: the modes first, then the commitment; a tick of evaluate-every between them
            PlantOperations ops = initial.engine().operations()
                    .withChange(new ModeChange("T-101", "turnaround", NOON + 2_500, "huaxin", "commitment"))
                    .withChange(new ModeChange("T-102", "turnaround", NOON + 2_500, "huaxin", "commitment"));
            h.setProcessingTime(NOON + 2_500);
            h.processElement2(new StreamRecord<>(document(ConfigDocument.OPERATIONS, OperationsFile.write(ops, PARK),
                    NOON + 2_500)));
            h.setProcessingTime(NOON + 3_000);
            h.setProcessingTime(NOON + 3_500);
            assertThat(huaxin(h)).as("nothing assessed while the documents settle").hasSize(before);
            Commitment made = new Commitment("ent-huaxin", DAY, Map.of("HS-HX-01", "turnaround"),
                    List.of("hot-work"), List.of("张伟"), "huaxin", NOON + 3_500);
            h.processElement2(new StreamRecord<>(document(ConfigDocument.COMMITMENTS,
                    CommitmentsFile.write(List.of(), made, 7, PARK), NOON + 3_500)));
            h.setProcessingTime(NOON + 3_500 + RiskFunction.SETTLE_MILLIS);

            List<RiskLevel> after = huaxin(h).subList(before, huaxin(h).size());
            assertThat(after).hasSize(1);
            assertThat(causes(after.get(0)))
                    .containsExactly("mode", "hazard-source", "special-operation", "commitment-late");
            assertThat(h.getSideOutput(RiskFunction.WARNINGS).stream().map(StreamRecord::getValue)
                    .filter(w -> w.level().subject().equals("ent-huaxin") && w.kind().equals(RiskWarning.COLOUR))
                    .map(w -> w.level().colour().name())).as("one rise, to yellow; no colour that never was")
                    .containsExactly("YELLOW");

            // a settling time is not extended: documents without end do not starve the assessment
            for (int i = 0; i < 10; i++) {
                long at = NOON + 10_000 + i * 700L; // a document every 0.7 s, T-101 in and out of turnaround
                h.setProcessingTime(at);
                h.processElement2(new StreamRecord<>(document(ConfigDocument.OPERATIONS, OperationsFile.write(
                        ops.withChange(new ModeChange("T-101", i % 2 == 0 ? "running" : "turnaround", at, "huaxin",
                                "flapping")), PARK), at)));
            }
            assertThat(huaxin(h).subList(before, huaxin(h).size())).as("assessed within the flapping").hasSizeGreaterThan(1);

            // ticks go on after the settling, one per evaluate-every
            h.setProcessingTime(NOON + 20_000); // the last document settled
            int settled = huaxin(h).size();
            h.setProcessingTime(NOON + 60_000);
            assertThat(huaxin(h)).as("nothing changes, so nothing more is told").hasSize(settled);
        }
    }

    @Test
    void aDocumentIsAssessedWhenItHasSettledNotAtTheNextTickOfALongInterval() throws Exception {
        ParkConfig initial = config("evaluate-every: 30s");
        try (KeyedTwoInputStreamOperatorTestHarness<String, Published, ConfigDocument, RiskLevel> h = harness(initial)) {
            assessedAtNoon(h, initial);
            int before = huaxin(h).size();
            Commitment made = new Commitment("ent-huaxin", DAY, Map.of("HS-HX-01", "running"), List.of(),
                    List.of("张伟"), "huaxin", NOON + 5_000);
            h.setProcessingTime(NOON + 5_000);
            h.processElement2(new StreamRecord<>(document(ConfigDocument.COMMITMENTS,
                    CommitmentsFile.write(List.of(), made, 7, PARK), NOON + 5_000)));
            h.setProcessingTime(NOON + 5_000 + RiskFunction.SETTLE_MILLIS - 1);
            assertThat(huaxin(h)).hasSize(before);
            h.setProcessingTime(NOON + 5_000 + RiskFunction.SETTLE_MILLIS);
            assertThat(huaxin(h)).hasSize(before + 1);
            assertThat(causes(last(huaxin(h)))).containsExactly("hazard-source", "commitment-late");
        }
    }

    @Test
    void aFloodIsAssessedOnceInTheGapWithEveryAlarmIn() throws Exception {
        ParkConfig initial = config("evaluate-every: 30s");
        try (KeyedTwoInputStreamOperatorTestHarness<String, Published, ConfigDocument, RiskLevel> h = harness(initial)) {
            assessedAtNoon(h, initial);
            int before = huaxin(h).size();
            h.setProcessingTime(NOON + 5_000);
            for (int i = 0; i < 20; i++) { // fewer than a level's reasons hold
                h.processElement1(new StreamRecord<>(Published.of(raised("flood-" + i, "P-" + i, NOON + 5_000))));
            }
            assertThat(huaxin(h).size() - before).as("the first alarm assessed at once, the rest wait for the gap")
                    .isEqualTo(1);
            h.setProcessingTime(NOON + 5_000 + RiskFunction.ASSESS_GAP_MILLIS);
            assertThat(huaxin(h).size() - before).isEqualTo(2);
            assertThat(alarms(last(huaxin(h)))).as("every alarm of the flood in the one assessment").hasSize(20);
        }
    }

    @Test
    void aBookWrittenWholeByAnEarlierVersionIsSplitAndKept() throws Exception {
        ParkConfig initial = config("evaluate-every: 30s");
        RiskBook whole = new RiskBook();
        for (String point : List.of("P-1", "P-2")) {
            whole.open.put("old-" + point, new OpenAlarm("old-" + point, "ent-huaxin", point, "threshold", Level.ALARM,
                    null, AlertCategory.PROCESS, NOON - 60_000, true, true));
        }
        OperatorSubtaskState earlier;
        try (var h = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(new WholeBook(
                WireJson.writeString(whole))), (Published i) -> RiskAssessment.PARK,
                (ConfigDocument d) -> RiskAssessment.PARK, Types.STRING)) {
            h.open();
            h.processElement1(new StreamRecord<>(Published.of(raised("any", "P-9", NOON - 60_000))));
            earlier = h.snapshot(1, 1);
        }
        OperatorSubtaskState split;
        try (var h = restored(initial, earlier)) {
            assessedAtNoon(h, initial);
            assertThat(alarms(last(huaxin(h)))).containsExactlyInAnyOrder("P-1", "P-2");
            h.setProcessingTime(NOON + 5_000);
            h.processElement1(new StreamRecord<>(Published.of(event("old-P-1", "P-1", AlertEventType.CLOSED,
                    NOON + 5_000))));
            assertThat(alarms(last(huaxin(h)))).containsExactly("P-2");
            split = h.snapshot(2, 2);
        }
        try (var h = restored(initial, split)) {
            h.setProcessingTime(NOON + 10_000);
            h.processElement1(new StreamRecord<>(Published.of(raised("new-P-3", "P-3", NOON + 10_000))));
            assertThat(alarms(last(huaxin(h)))).as("P-2 read back from its own entry").containsExactly("P-2", "P-3");
        }
    }

    /** What the risk stage kept before open alarms had entries of their own: the whole book as one text. */
    private static final class WholeBook extends KeyedCoProcessFunction<String, Published, ConfigDocument, RiskLevel> {

        private final String json;

        WholeBook(String json) {
            this.json = json;
        }

        @Override
        public void processElement1(Published in, Context ctx, Collector<RiskLevel> out) throws Exception {
            getRuntimeContext().getState(new ValueStateDescriptor<>("risk-book", Types.STRING)).update(json);
        }

        @Override
        public void processElement2(ConfigDocument doc, Context ctx, Collector<RiskLevel> out) {
        }
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, Published, ConfigDocument, RiskLevel> restored(
            ParkConfig initial, OperatorSubtaskState state) throws Exception {
        var h = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(new RiskFunction(initial)),
                (Published i) -> RiskAssessment.PARK, (ConfigDocument d) -> RiskAssessment.PARK, Types.STRING);
        h.initializeState(state);
        h.open();
        return h;
    }

    private static AlertEvent raised(String alertId, String point, long at) {
        return event(alertId, point, AlertEventType.RAISED, at);
    }

    private static AlertEvent event(String alertId, String point, AlertEventType type, long at) {
        return AlertEvent.builder().eventId(alertId + "#" + type).alertId(alertId).seq(1).type(type).ruleId("any")
                .pointId(point).enterpriseId("ent-huaxin").level(Level.ALARM).category(AlertCategory.PROCESS)
                .eventTime(at).detectedAt(at).build();
    }

    /** The points whose open alarms a level counts. */
    private static List<String> alarms(RiskLevel l) {
        return l.reasons().stream().filter(r -> r.cause().equals("alarm")).map(RiskReason::subject).toList();
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, Published, ConfigDocument, RiskLevel> harness(
            ParkConfig initial) throws Exception {
        KeyedTwoInputStreamOperatorTestHarness<String, Published, ConfigDocument, RiskLevel> h =
                ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new RiskFunction(initial),
                        i -> RiskAssessment.PARK, d -> RiskAssessment.PARK, Types.STRING);
        return h;
    }

    /** The stage started at noon: the operations in force arrive, settle, and the first assessment is made. */
    private static void assessedAtNoon(KeyedTwoInputStreamOperatorTestHarness<String, Published, ConfigDocument,
            RiskLevel> h, ParkConfig initial) throws Exception {
        h.setProcessingTime(NOON);
        h.processElement2(new StreamRecord<>(document(ConfigDocument.OPERATIONS, initial.operationsYaml(), NOON)));
        h.setProcessingTime(NOON + RiskFunction.SETTLE_MILLIS);
    }

    /** The shipped park with the commitment due at midnight (so it is missing, then late, all day). */
    private static ParkConfig config(String every) throws Exception {
        String risk = Files.readString(Path.of("../config/risk.yaml")).replace("due: \"09:00\"", "due: \"00:00\"")
                .replace("evaluate-every: 30s", every);
        return new ParkConfig(Files.readString(Path.of("../config/points.yaml")),
                Files.readString(Path.of("../config/rules.yaml")), null, null,
                Files.readString(Path.of("../config/operations.yaml")), risk, null);
    }

    private static ConfigDocument document(String kind, String yaml, long at) {
        return new ConfigDocument(kind, yaml, "console", at, "huaxin", "commitment");
    }

    private static List<RiskLevel> huaxin(KeyedTwoInputStreamOperatorTestHarness<String, Published, ConfigDocument,
            RiskLevel> h) {
        return h.extractOutputValues().stream().filter(l -> l.subject().equals("ent-huaxin")).toList();
    }

    private static RiskLevel last(List<RiskLevel> levels) {
        return levels.get(levels.size() - 1);
    }

    private static List<String> causes(RiskLevel l) {
        return l.reasons().stream().map(RiskReason::cause).toList();
    }
}
