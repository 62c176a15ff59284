package io.parkwatch.rules.ceiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.engine.RuleStateStore;
import io.parkwatch.rules.engine.RuleState;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.ruleset.RuleFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CeilingKindTest {

    static final PointRegistry PARK = PointRegistryFile.parse(YamlSource.parse("points.yaml", """
            enterprises: [ { id: ent-a } ]
            points:
              - { id: P1, enterprise: ent-a, kind: pressure, unit: MPa, range: [0, 10] }
            """));

    @Test
    void aNewKindIsReadAndEvaluatedThroughTheRegistry() {
        RuleEngine engine = new RuleEngine(PARK, RuleFile.parse(YamlSource.parse("rules.yaml", """
                rules:
                  - { id: p-ceiling, type: ceiling, match: { kind: pressure }, ceiling: 1.6 }
                """), PARK));
        Map<String, RuleState> states = new HashMap<>();
        RuleStateStore<RuleState> store = RuleStateStore.over(states);
        List<AlertUpdate> up = engine.evaluate(PARK.point("P1").orElseThrow(),
                new Reading("P1", "ent-a", 1000, 1.7, Quality.N, 1000), store, 1000);
        assertThat(up).extracting(u -> u.event().type()).containsExactly(AlertEventType.RAISED);
        assertThat(up.get(0).event().message()).contains("above the ceiling 1.6");
        assertThatThrownBy(() -> RuleFile.parse(YamlSource.parse("rules.yaml", """
                rules:
                  - { id: p-ceiling, type: ceiling, match: { kind: pressure }, ceilng: 1.6 }
                """), PARK)).isInstanceOf(ConfigException.class).hasMessageContaining("ceilng");
    }
}
