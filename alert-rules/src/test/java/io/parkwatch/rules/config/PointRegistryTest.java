package io.parkwatch.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.model.PointKind;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A figure over all the points is worked out once per registry, whatever asks for it how often. */
class PointRegistryTest {

    private final PointRegistry registry = PointRegistryFile.parse(YamlSource.parse("points.yaml", """
            enterprises:
              - { id: ent-a, name: A Chemicals }
              - { id: ent-b, name: B Gases }
            points:
              - { id: A-1, enterprise: ent-a, kind: gas_lel, range: [0, 100], interval: 2s }
              - { id: A-2, enterprise: ent-a, kind: gas_lel, range: [0, 100], interval: 2s }
              - { id: B-1, enterprise: ent-b, kind: gas_lel, range: [0, 100], interval: 2s, tank: T9 }
              - { id: A-3, enterprise: ent-a, kind: temperature, unit: "°C", range: [0, 200], interval: 5s, tank: T1 }
            """));

    private record GasPoints() {
    }

    private record AllPoints() {
    }

    @Test
    void aFigureOverAllThePointsIsWorkedOutOnceAndSharedByTheSameRegistryWithModes() {
        AtomicInteger walks = new AtomicInteger();
        for (int signal = 0; signal < 100; signal++) {
            long gas = registry.overAllPoints(new GasPoints(), points -> {
                walks.incrementAndGet();
                return points.stream().filter(p -> p.kind() == PointKind.GAS_LEL).count();
            });
            assertThat(gas).isEqualTo(3L);
        }
        assertThat(walks).hasValue(1);
        PointRegistry withModes = registry.withModes(null);
        assertThat(withModes.<Long>overAllPoints(new GasPoints(), points -> -1L)).as("the same points").isEqualTo(3L);
        assertThat(registry.<Integer>overAllPoints(new AllPoints(), points -> points.size())).as("another question")
                .isEqualTo(4);
        assertThat(new PointRegistry(List.of(), List.of()).<Long>overAllPoints(new GasPoints(), points -> 0L))
                .as("another registry").isZero();
    }

    @Test
    void anEnterprisesPointsInRegistryOrder() {
        assertThat(registry.pointsOf("ent-a")).extracting(p -> p.id()).containsExactly("A-1", "A-2", "A-3");
        assertThat(registry.pointsOf("ent-b")).extracting(p -> p.id()).containsExactly("B-1");
        assertThat(registry.pointsOf("ent-x")).isEmpty();
        assertThat(registry.unitsOf("ent-a")).containsExactly("T1");
    }
}
