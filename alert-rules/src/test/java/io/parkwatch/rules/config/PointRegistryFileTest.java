package io.parkwatch.rules.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.PointKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PointRegistryFileTest {

    @Test
    void readsPointsWithDefaultsAndTags() {
        PointRegistry r = PointRegistryFile.parse(YamlSource.parse("points.yaml", """
                enterprises:
                  - { id: ent-a, name: A Chemicals }
                points:
                  - id: A-T1-LEL
                    enterprise: ent-a
                    kind: gas_lel
                    range: [0, 100]
                    interval: 2s
                    tank: T1
                    zone: Z1
                    tags: { vendor: acme }
                  - { id: A-T2-LEL, enterprise: ent-a, kind: gas_lel, range: [0, 100], logger: A-DL2 }
                """));
        Point p = r.point("A-T1-LEL").orElseThrow();
        // the data logger a point reports through: named, or its enterprise's one
        assertThat(p.loggerOrEnterprise()).isEqualTo("ent-a");
        assertThat(r.point("A-T2-LEL").orElseThrow().tag("logger")).isEqualTo("A-DL2");
        assertThat(p.kind()).isEqualTo(PointKind.GAS_LEL);
        assertThat(p.unit()).isEqualTo("%LEL");
        assertThat(p.expectedInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.tag("zone")).isEqualTo("Z1");
        assertThat(p.tag("vendor")).isEqualTo("acme");
        assertThat(r.enterprise("ent-a").orElseThrow().name()).isEqualTo("A Chemicals");
    }

    @Test
    void refusesBadPointsPrecisely() {
        assertThatThrownBy(() -> PointRegistryFile.parse(YamlSource.parse("points.yaml", """
                enterprises:
                  - { id: ent-a }
                points:
                  - { id: P1, enterprise: ent-b, kind: gas_lel, range: [0, 100] }
                  - { id: P2, enterprise: ent-a, kind: gas, range: [100, 0] }
                  - { id: P3, enterprise: ent-a, kind: level }
                  - { id: P1, enterprise: ent-a, kind: level, range: [0, 100], interval: -1s }
                """))).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                .extracting(ConfigError::toString).containsExactlyInAnyOrder(
                        "points.yaml:4:15: points[0].enterprise: enterprise 'ent-b' is not declared under 'enterprises'",
                        "points.yaml:5:34: points[1].kind: unknown point kind 'gas' (expected one of "
                                + PointKind.allNames() + ")",
                        "points.yaml:5:45: points[1].range: low end 100.0 must be below high end 0.0",
                        "points.yaml:6:5: points[2].range: is required: the instrument range as [low, high]",
                        "points.yaml:7:64: points[3].interval: '-1s' is not a duration (write e.g. 500ms, 5s, 2m, 4h)"));
    }
}
