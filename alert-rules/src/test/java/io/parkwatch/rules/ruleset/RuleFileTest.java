package io.parkwatch.rules.ruleset;

import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.ConfigError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.threshold.ThresholdRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleFileTest {

    static final Path CONFIG = Path.of("..", "config");

    @Test
    void shippedDemoFilesLoadAndTheGasRuleFollowsGbt50493() {
        PointRegistry registry = PointRegistryFile.load(CONFIG.resolve("points.yaml"));
        RuleSet rules = RuleFile.load(CONFIG.resolve("rules.yaml"), registry);

        ThresholdRule gas = (ThresholdRule) rules.rules().stream().filter(r -> r.id().equals("combustible-gas"))
                .findFirst().orElseThrow();
        assertThat(gas.high().alarm()).isEqualTo(25.0);
        assertThat(gas.high().critical()).isEqualTo(50.0);
        assertThat(gas.selector().kinds()).containsExactly(PointKind.GAS_LEL);
        assertThat(rules.rulesFor(registry.point("HX-T101-GT1").orElseThrow())).extracting(r -> r.id()).containsExactly(
                "combustible-gas", "combustible-gas-rate", "combustible-gas-trend", "combustible-gas-zone-vote", "offline",
                "instrument-quality");
        assertThat(rules.rulesFor(registry.point("HX-T101-LT").orElseThrow())).extracting(r -> r.id())
                .containsExactly("atmospheric-tank-level", "offline", "instrument-quality", "stuck-level");
    }

    @Test
    void parsesDelaysAndDeadband() {
        RuleSet rules = RuleFile.parse(YamlSource.parse("r.yaml", """
                rules:
                  - id: t
                    type: threshold
                    match: { kind: [temperature, pressure] }
                    low: { warn: 8, alarm: 5 }
                    deadband: 1.5
                    on-delay: 500ms
                    off-delay: 2m
                """), null);
        ThresholdRule t = (ThresholdRule) rules.rules().get(0);
        assertThat(t.onDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(t.offDelay()).isEqualTo(Duration.ofMinutes(2));
        assertThat(t.deadband()).isEqualTo(1.5);
        assertThat(t.high()).isNull();
        assertThat(t.low().warn()).isEqualTo(8.0);
    }

    @Test
    void reportsEveryErrorWithFileLineAndField() {
        String text = """
                rules:
                  - id: gas
                    type: threshold
                    match: { kind: gas_lel }
                    high: { alarm: 50, critical: 25 }
                  - id: gas
                    type: threshold
                    match: { kind: gas_lle }
                    high: { alarm: "lots" }
                    on-delay: soon
                  - id: other
                    type: treshold
                  - id: typo
                    type: threshold
                    match: { points: [NOPE] }
                    hihg: { alarm: 1 }
                """;
        PointRegistry registry = PointRegistryFile.parse(YamlSource.parse("p.yaml", """
                enterprises: [ { id: e } ]
                points: [ { id: P1, enterprise: e, kind: gas_lel, range: [0, 100] } ]
                """));
        assertThatThrownBy(() -> RuleFile.parse(YamlSource.parse("rules.yaml", text), registry))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    List<String> errors = e.errors().stream().map(ConfigError::toString).toList();
                    assertThat(errors).contains(
                            "rules.yaml:5:24: rules[0].high.critical: critical limit 25.0 must be above the alarm limit 50.0 for a high limit",
                            "rules.yaml:8:14: rules[1].match.kind: unknown point kind 'gas_lle' (expected one of "
                                    + PointKind.allNames() + ")",
                            "rules.yaml:9:13: rules[1].high.alarm: must be a number, got 'lots'",
                            "rules.yaml:10:5: rules[1].on-delay: 'soon' is not a duration (write e.g. 500ms, 5s, 2m, 4h)",
                            "rules.yaml:12:5: rules[2].type: unknown rule type 'treshold' (supported: threshold, rate, trend, stuck, quality, stale, voting, composite, shutdown-activity)",
                            "rules.yaml:15:14: rules[3].match.points: unknown point 'NOPE'");
                    assertThat(errors).hasSize(7);
                    assertThat(errors).anySatisfy(s -> assertThat(s).startsWith("rules.yaml:16:5: rules[3].hihg: unknown field"));
                });
    }

    @Test
    void aRuleIdBeginningWithAHashIsRefusedSinceSuchKeysAreThePointsOwnState() {
        String text = """
                rules:
                  - { id: "#history", type: threshold, match: { kind: level }, high: { alarm: 90 } }
                """;
        assertThatThrownBy(() -> RuleFile.parse(YamlSource.parse("rules.yaml", text), null))
                .hasMessageContaining("rules.yaml:2:").hasMessageContaining("rules[0].id: may not begin with '#'");
    }

    @Test
    void duplicateRuleIdIsRefusedAtItsLine() {
        String text = """
                rules:
                  - { id: a, type: threshold, match: { kind: level }, high: { alarm: 90 } }
                  - { id: a, type: threshold, match: { kind: level }, high: { alarm: 95 } }
                """;
        assertThatThrownBy(() -> RuleFile.parse(YamlSource.parse("rules.yaml", text), null))
                .hasMessage("rules.yaml:3:7: rules[1].id: duplicate rule id 'a'");
    }

    @Test
    void brokenYamlIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> RuleFile.parse(YamlSource.parse("rules.yaml", "rules:\n  - id: [unclosed\n"), null))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("rules.yaml:2:18: not valid YAML: while parsing a flow sequence");
    }

    @Test
    void editingARulesRationalizationOrModesKeepsItsVersionEditingALimitDoesNot() {
        String rule = """
                rules:
                  - id: gas
                    type: threshold
                    match: { kind: gas_lel }
                    high: { alarm: 25, critical: 50 }%s
                """;
        RuleSet plain = RuleFile.parse(YamlSource.parse("a.yaml", rule.formatted("")), null);
        RuleSet documented = RuleFile.parse(YamlSource.parse("b.yaml", rule.formatted(""
                + "\n    rationale: { cause: 泄漏, consequence: 爆炸, action: 切断, response-time: 5m, priority: high }"
                + "\n    suppressed-in-modes: [turnaround]")), null);
        RuleSet moved = RuleFile.parse(YamlSource.parse("c.yaml", rule.formatted("").replace("alarm: 25", "alarm: 20")),
                null);
        assertThat(documented.version("gas")).isEqualTo(plain.version("gas"));
        assertThat(moved.version("gas")).isNotEqualTo(plain.version("gas"));
        assertThat(documented.rationale("gas", "ANY").orElseThrow().action()).isEqualTo("切断");
        assertThat(documented.suppressedInModes("gas")).containsExactly("turnaround");
        assertThat(RuleFile.versionTags(rule.formatted(""))).containsEntry("gas", plain.versionTag("gas"));
    }

    @Test
    void aRationaleWithABadPriorityOrAnUnknownPointIsRefusedWithItsLine() {
        assertThatThrownBy(() -> RuleFile.parse(YamlSource.parse("rules.yaml", """
                rules:
                  - id: gas
                    type: threshold
                    match: { kind: gas_lel }
                    high: { alarm: 25 }
                    rationale: { priority: urgent, respond: 5m }
                    rationale-for-points: { NOPE: { action: x } }
                """), PointRegistryFile.load(CONFIG.resolve("points.yaml")))).isInstanceOf(ConfigException.class).message()
                .contains("rules.yaml:6", "must be high, medium or low, got 'urgent'", "respond: unknown field")
                .contains("rules.yaml:7", "unknown point 'NOPE'");
    }
}
