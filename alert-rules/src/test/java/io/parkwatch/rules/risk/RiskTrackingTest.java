package io.parkwatch.rules.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.operations.ModeChange;
import io.parkwatch.rules.operations.PlantOperations;
import io.parkwatch.rules.text.Catalogue;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A scripted day at one enterprise with the shipped model: a missing commitment, an alarm unanswered for growing
 * times, a turnaround, a data logger going offline, a level-2 gas alarm; the colours change in the expected order,
 * each warning with the expected reasons, and fall back past the deadband once the day calms down.
 */
class RiskTrackingTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final PointRegistry REGISTRY = PointRegistryFile.parse(YamlSource.parse("points.yaml", """
            park: { name: 测试园区 }
            enterprises:
              - { id: ent-a, name: 甲化工 }
              - { id: ent-b, name: 乙燃气 }
            hazard-sources:
              - { id: HS-A, name: 甲罐区, enterprise: ent-a, grade: 二级, tanks: [T-1] }
              - { id: HS-B, name: 乙球罐, enterprise: ent-b, grade: 4, tanks: [V-1] }
            points:
              - { id: A-GT1, enterprise: ent-a, kind: gas_lel, range: [0, 100], tank: T-1, zone: Z1 }
              - { id: A-TT1, enterprise: ent-a, kind: temperature, range: [0, 100], tank: T-1 }
              - { id: B-PT1, enterprise: ent-b, kind: pressure, range: [0, 2], tank: V-1 }
            """));

    final RiskBook book = new RiskBook();
    final List<RiskWarning> warnings = new ArrayList<>();
    List<Commitment> commitments = new ArrayList<>();
    PlantOperations operations = PlantOperations.NONE.with(REGISTRY);

    @Test
    void aScriptedDayMovesAnEnterpriseThroughTheColoursWithItsReasons() {
        at("08:00"); // base only: the grade-2 source, 18
        assertThat(warnings).isEmpty();
        assertThat(level("ent-a").score()).isEqualTo(18.0);

        at("09:00"); // the day's commitment is due and missing: 38
        assertThat(last().level().colour()).isEqualTo(RiskColour.YELLOW);
        assertThat(causes(last())).contains("commitment-missing", "hazard-source");
        assertThat(Catalogue.chinese().render(last().text())).isEqualTo(
                "【风险预警】甲化工 风险等级由低风险（蓝）升为一般风险（黄）（38 分），主要原因：未按时安全承诺、重大危险源");
        // B has no commitment either, but its grade-4 source and the 20 stay under yellow: no colour to warn of,
        // yet both are told their commitment is missing, once a day
        assertThat(level("ent-b").colour()).isEqualTo(RiskColour.BLUE);
        assertThat(warnings.stream().filter(w -> w.kind().equals(RiskWarning.COMMITMENT_MISSING)))
                .extracting(RiskWarning::warningId).containsExactly("commitment-ent-a-2026-12-01",
                        "commitment-ent-b-2026-12-01");
        assertThat(Catalogue.chinese().render(warnings.stream().filter(w -> w.warningId().equals(
                "commitment-ent-b-2026-12-01")).findFirst().orElseThrow().text()))
                .isEqualTo("【安全承诺提醒】乙燃气 今日安全承诺未在 09:00 前提交，请尽快在控制台提交");
        at("09:05");
        assertThat(warnings.stream().filter(w -> w.kind().equals(RiskWarning.COMMITMENT_MISSING))).hasSize(2);
        // the park follows its highest enterprise
        assertThat(colours("park")).hasSize(1);
        assertThat(level("park").colour()).isEqualTo(RiskColour.YELLOW);

        commitments.add(new Commitment("ent-a", LocalDate.of(2026, 12, 1), Map.of("HS-A", "running"),
                List.of("hot-work"), List.of("张伟"), "op-a", time("09:10")));
        at("09:10"); // 18 + 10 for the hot work + 5, late = 33: still yellow
        assertThat(level("ent-a").score()).isEqualTo(33.0);
        assertThat(level("ent-a").reasons()).extracting(RiskReason::cause).contains("commitment-late")
                .doesNotContain("commitment-missing");
        assertThat(level("ent-a").colour()).isEqualTo(RiskColour.YELLOW);
        assertThat(colours("ent-a")).hasSize(1);

        raise("a1", "A-GT1", Level.ALARM, PointKind.GAS_LEL, "10:00"); // 12 x 1.5 for gas: 51
        at("10:04");
        assertThat(level("ent-a").score()).isEqualTo(51.0);
        at("10:05"); // unanswered 5 min: 56
        assertThat(level("ent-a").score()).isEqualTo(56.0);
        at("10:15"); // unanswered 15 min: 66, orange
        assertThat(last().level().colour()).isEqualTo(RiskColour.ORANGE);
        assertThat(last().rising()).isTrue();
        assertThat(causes(last())).startsWith("hazard-source", "alarm", "unanswered");
        assertThat(Catalogue.chinese().render(last().level().reasons().get(2).text()))
                .isEqualTo("A-GT1 的一级报警已 15 分钟无人叫应");

        event("a1", AlertEventType.ACKNOWLEDGED, Level.ALARM, "10:16"); // answered: 51, below 55, so yellow
        at("10:16");
        assertThat(last().level().colour()).isEqualTo(RiskColour.YELLOW);
        assertThat(last().rising()).isFalse();

        operations = operations.withChange(new ModeChange("T-1", "turnaround", time("11:00"), "schedule", "检修"));
        at("11:00"); // the tank farm in turnaround: 71
        assertThat(last().level().colour()).isEqualTo(RiskColour.ORANGE);
        assertThat(causes(last())).contains("mode");

        RiskTracking.apply(book, base("off", "logger:ent-a", Level.WARN, null, "12:00")
                .withCategory(AlertCategory.DATA_QUALITY), id -> "stale", time("12:00"));
        at("12:00"); // the logger offline: 81, still orange
        assertThat(level("ent-a").score()).isEqualTo(81.0);

        event("a1", AlertEventType.LEVEL_CHANGED, Level.CRITICAL, "12:05"); // level 2 gas: 35 x 1.5 = 52.5
        at("12:05");
        assertThat(last().level().colour()).isEqualTo(RiskColour.RED);
        assertThat(last().level().score()).isEqualTo(115.5); // 18 + 10 + 5 + 52.5 + 20 + 10
        // the park: its highest enterprise (115.5) and nothing for blue B
        assertThat(level("park").colour()).isEqualTo(RiskColour.RED);

        event("a1", AlertEventType.CLOSED, Level.CRITICAL, "13:00");
        event("off", AlertEventType.CLOSED, Level.WARN, "13:00");
        operations = operations.withChange(new ModeChange("T-1", "running", time("13:00"), "schedule", null));
        at("13:00"); // 33 again: yellow
        assertThat(level("ent-a").colour()).isEqualTo(RiskColour.YELLOW);

        assertThat(colours("ent-a").stream().map(w -> w.level().colour())
                .toList()).containsExactly(RiskColour.YELLOW, RiskColour.ORANGE, RiskColour.YELLOW, RiskColour.ORANGE,
                        RiskColour.RED, RiskColour.YELLOW);
        assertThat(colours("ent-a").stream().map(RiskWarning::warningId)
                .toList()).startsWith("risk-ent-a-1", "risk-ent-a-2");
    }

    @Test
    void anHourOfPoorDataRaisesTheEnterprisesRisk() {
        long hour = time("07:00");
        // ent-b's only point was online 30 of 60 minutes and sent half its readings
        RiskTracking.quality(book, new io.parkwatch.rules.dataquality.PointQuality("B-PT1", "ent-b", "ent-b", hour, 3600,
                1800, 1_800_000, 0, new io.parkwatch.rules.dataquality.DelayHistogram()));
        RiskLevel b = RiskAssessment.enterprise(context(), "ent-b", book.open.values(), book.quality.get("ent-b"),
                time("08:00"));
        assertThat(b.score()).isEqualTo(6 + 10 + 5);
        assertThat(b.reasons()).extracting(r -> Catalogue.chinese().render(r.text())).contains(
                "上一小时在线率 50.0 %，低于 90.0 %", "上一小时数据完整率 50.0 %，低于 90.0 %");
        // an older hour arriving late changes nothing; a good newer hour clears it
        RiskTracking.quality(book, new io.parkwatch.rules.dataquality.PointQuality("B-PT1", "ent-b", "ent-b",
                hour + 3_600_000, 3600, 3600, 3_600_000, 0, new io.parkwatch.rules.dataquality.DelayHistogram()));
        assertThat(RiskAssessment.enterprise(context(), "ent-b", book.open.values(), book.quality.get("ent-b"),
                time("09:00")).score()).isEqualTo(6 + 20); // the missing commitment now, no data reasons
    }

    @Test
    void aLevelIsReportedOnlyWhenItChanged() {
        RiskContext c = context();
        assertThat(RiskTracking.assess(book, c, time("08:00")).levels()).extracting(RiskLevel::subject)
                .containsExactly("ent-a", "ent-b", "park");
        assertThat(RiskTracking.assess(book, c, time("08:01")).levels()).isEmpty();
    }

    @Test
    void theColourFallsOnlyPastTheDeadband() {
        RiskModel m = RiskModelFile.DEFAULT;
        assertThat(m.next(RiskColour.ORANGE, 56)).isEqualTo(RiskColour.ORANGE);
        assertThat(m.next(RiskColour.ORANGE, 54)).isEqualTo(RiskColour.YELLOW);
        assertThat(m.next(RiskColour.RED, 10)).isEqualTo(RiskColour.BLUE);
        assertThat(m.next(RiskColour.BLUE, 100)).isEqualTo(RiskColour.RED);
    }

    RiskContext context() {
        return new RiskContext(RiskModelFile.DEFAULT, REGISTRY, operations, commitments);
    }

    void at(String hhmm) {
        warnings.addAll(RiskTracking.assess(book, context(), time(hhmm)).warnings());
        lastLevels = RiskAssessmentLevels.of(book, context(), time(hhmm));
    }

    Map<String, RiskLevel> lastLevels = Map.of();

    RiskLevel level(String subject) {
        return lastLevels.get(subject);
    }

    /** The enterprise's latest warning. */
    RiskWarning last() {
        List<RiskWarning> own = colours("ent-a");
        return own.get(own.size() - 1);
    }

    /** The colour changes of a subject (not the commitment notices). */
    List<RiskWarning> colours(String subject) {
        return warnings.stream().filter(w -> w.level().subject().equals(subject) && w.kind().equals(RiskWarning.COLOUR))
                .toList();
    }

    static List<String> causes(RiskWarning w) {
        return w.level().reasons().stream().map(RiskReason::cause).distinct().toList();
    }

    void raise(String id, String point, Level level, PointKind kind, String hhmm) {
        RiskTracking.apply(book, base(id, point, level, kind, hhmm), x -> "threshold", time(hhmm));
    }

    void event(String id, AlertEventType type, Level level, String hhmm) {
        RiskTracking.apply(book, base(id, "A-GT1", level, PointKind.GAS_LEL, hhmm).withType(type), x -> "threshold",
                time(hhmm));
    }

    static AlertEvent base(String id, String point, Level level, PointKind kind, String hhmm) {
        return AlertEvent.builder().eventId(id + hhmm).alertId(id).seq(1).type(AlertEventType.RAISED).ruleId("r")
                .pointId(point).enterpriseId("ent-a").kind(kind).level(level).eventTime(time(hhmm))
                .category(AlertCategory.PROCESS).build();
    }

    static long time(String hhmm) {
        return LocalDateTime.parse("2026-12-01T" + hhmm).atZone(SHANGHAI).toInstant().toEpochMilli();
    }

    /** The levels as they stand (the tracking reports only changes). */
    static final class RiskAssessmentLevels {
        static Map<String, RiskLevel> of(RiskBook b, RiskContext c, long now) {
            Map<String, RiskLevel> out = new java.util.HashMap<>();
            List<RiskLevel> ents = new ArrayList<>();
            for (var e : c.registry().enterprises()) {
                RiskLevel l = RiskAssessment.enterprise(c, e.id(), b.open.values(), now);
                l = new RiskLevel(l.subject(), b.colours.get(e.id()), l.score(), l.reasons(), l.at());
                out.put(e.id(), l);
                ents.add(l);
            }
            RiskLevel park = RiskAssessment.park(c.model(), ents, x -> x, now);
            out.put("park", new RiskLevel("park", b.colours.get("park"), park.score(), park.reasons(), now));
            return out;
        }
    }
}
