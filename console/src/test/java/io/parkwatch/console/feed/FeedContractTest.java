package io.parkwatch.console.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parkwatch.console.TestEvents;
import io.parkwatch.rules.dataquality.QualityFigures;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.risk.RiskColour;
import io.parkwatch.rules.risk.RiskLevel;
import io.parkwatch.rules.risk.RiskReason;
import io.parkwatch.rules.risk.RiskWarning;
import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;
import io.parkwatch.rules.wire.WireJson;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of feed message validates against the published schema, and the schema refuses what is wrong. */
class FeedContractTest {

    static final long T0 = 1_796_086_800_000L;
    final FeedMessages f = new FeedMessages("滨江化工园区", ZoneId.of("Asia/Shanghai"), Catalogue.chinese());
    final RiskLevel level = new RiskLevel("ent-a", RiskColour.ORANGE, 65, List.of(new RiskReason("unanswered", "A-GT1",
            15, Message.of("risk.reason.unanswered", "A-GT1", Message.term("level.alarm"), 15))), T0);

    @Test
    void everyKindOfMessageValidates() {
        List<FeedMessage> all = List.of(f.riskLevel(level),
                f.riskLevel(new RiskLevel("park", RiskColour.BLUE, 0, List.of(), T0)),
                f.riskWarning(new RiskWarning("risk-ent-a-2", 2, RiskColour.YELLOW, level, Message.of("risk.warning.rise",
                        "甲", RiskColour.YELLOW.term(), RiskColour.ORANGE.term(), 65, "x"), List.of())),
                f.alarm(TestEvents.raised("a1", "A-GT1", "ent-a", Level.ALARM, T0).withKind(PointKind.GAS_LEL)).get(),
                f.alarm(TestEvents.raised("a1", "A-GT1", "ent-a", Level.ALARM, T0).withType(AlertEventType.CLOSED))
                        .get(),
                f.dataQuality(LocalDate.of(2026, 12, 1), new QualityFigures("enterprise", "ent-a", "ent-a", 24, 0.95,
                        0.9, 3000, 3600, 120, 1500, 0.01)),
                f.dataQuality(LocalDate.of(2026, 12, 1), new QualityFigures("logger", "dl-1", "ent-a", 24, 0, 0, 0,
                        3600, -1, -1, 0)));
        for (FeedMessage m : all) {
            JsonNode json = WireJson.MAPPER.valueToTree(m);
            assertThat(FeedSchema.problems(json)).as(json.toString()).isEmpty();
        }
        assertThat(all.get(1).enterprise()).isNull();
        assertThat(all.get(0).at()).isEqualTo("2026-12-01T09:00+08:00");
        assertThat(f.alarm(TestEvents.raised("a1", "A-GT1", "ent-a", Level.ALARM, T0).withType(AlertEventType.REMINDED)))
                .isEmpty();
    }

    @Test
    void theSchemaRefusesWhatAPlatformCouldNotRead() {
        ObjectNode bad = WireJson.MAPPER.valueToTree(f.riskLevel(level));
        ((ObjectNode) bad.get("data")).put("colour", "purple");
        bad.remove("id");
        assertThat(FeedSchema.problems(bad)).hasSize(2);
    }
}
