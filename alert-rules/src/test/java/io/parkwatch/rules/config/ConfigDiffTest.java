package io.parkwatch.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.text.Catalogue;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {

    static List<String> words(String a, String b, Locale l) {
        return ConfigDiff.between(a, b).stream().map(Catalogue.of(l)::render).toList();
    }

    @Test
    void whichLimitOfWhichRuleMovedWhichRuleCameAndWhichWent() {
        String before = """
                rules:
                  - { id: gas, type: threshold, match: { kind: gas_lel }, high: { alarm: 25, critical: 50 } }
                  - { id: h2s, type: threshold, match: { kind: gas_toxic }, high: { alarm: 7 } }
                """;
        String after = """
                rules:
                  - { id: h2s, type: threshold, match: { kind: gas_toxic }, high: { alarm: 7 } }
                  - { id: gas, type: threshold, match: { kind: gas_lel }, high: { alarm: 20, critical: 50 }, on-delay: 2s }
                  - { id: level, type: threshold, match: { kind: level }, high: { alarm: 90 } }
                shelving: { max: { alarm: 2h } }
                """;
        assertThat(words(before, after, Locale.ENGLISH)).containsExactly(
                "rules[gas].high.alarm: 25 -> 20",
                "rules[gas].on-delay: set to 2s",
                "rules: added level: {\"id\":\"level\",\"type\":\"threshold\",\"match\":{\"kind\":\"level\"},\"high\":{\"alarm\":90}}",
                "shelving: set to {\"max\":{\"alarm\":\"2h\"}}");
        assertThat(words(after, before, Locale.SIMPLIFIED_CHINESE)).contains("rules：删除 level",
                "rules[gas].high.alarm：由 20 改为 25");
        assertThat(words(before, before, Locale.ENGLISH)).isEmpty();
    }
}
