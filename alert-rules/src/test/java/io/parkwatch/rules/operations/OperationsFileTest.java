package io.parkwatch.rules.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OperationsFileTest {

    static final PointRegistry REGISTRY = PointRegistryFile.parse(YamlSource.parse("points.yaml", """
            park: { name: 测试园区, time-zone: Asia/Shanghai }
            enterprises:
              - { id: ent-a, shut-down-units: [T-9] }
            points:
              - { id: P1, enterprise: ent-a, kind: temperature, range: [0, 200], tank: R-1 }
              - { id: P9, enterprise: ent-a, kind: temperature, range: [0, 200], tank: T-9 }
            """));

    @Test
    void everyMistakeOfTheFileAtOnceWithLineAndField() {
        assertThatThrownBy(() -> OperationsFile.parse(YamlSource.parse("operations.yaml", """
                changes:
                  - { subject: R-7, mode: running, at: "2026-12-01 08:00" }
                  - { subject: ent-a, mode: half-speed, at: "tomorrow" }
                out-of-service:
                  - { point: P2, reason: x, since: "2026-12-01 08:00", expected-return: "2026-12-01 07:00", by: duty }
                  - { point: P1, since: "2026-12-01 08:00", expected-return: "2026-12-02 08:00", by: duty }
                """), REGISTRY)).isInstanceOf(ConfigException.class).message()
                .contains("operations.yaml:2", "unknown subject 'R-7'")
                .contains("operations.yaml:3", "unknown mode 'half-speed'", "'tomorrow' is not a time")
                .contains("operations.yaml:5", "unknown point 'P2'", "must be after 'since'")
                .contains("operations.yaml:6", "reason", "is required");
    }

    @Test
    void theLatestOrderWinsAndWithoutOneThePointsFileDecides() {
        PlantOperations ops = OperationsFile.parse(YamlSource.parse("operations.yaml", """
                modes: [trial-run]
                changes:
                  - { subject: ent-a, mode: turnaround, at: "2026-12-01 08:00" }
                  - { subject: R-1, mode: trial-run, at: "2026-12-05 08:00", by: duty, reason: 试生产 }
                  - { subject: ent-a, mode: running, at: "2026-12-10 08:00" }
                """), REGISTRY);
        long dec1 = java.time.LocalDateTime.of(2026, 12, 1, 8, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()
                .toEpochMilli();
        long day = 86_400_000L;
        assertThat(ops.modeOf("ent-a", "R-1", dec1 - 1)).isEqualTo("running");
        assertThat(ops.modeOf("ent-a", "T-9", dec1 - 1)).isEqualTo("shut-down"); // points.yaml
        assertThat(ops.modeOf("ent-a", "R-1", dec1)).isEqualTo("turnaround");
        assertThat(ops.modeOf("ent-a", "T-9", dec1 + day)).isEqualTo("turnaround");
        assertThat(ops.modeOf("ent-a", "R-1", dec1 + 5 * day)).isEqualTo("trial-run");
        assertThat(ops.modeOf("ent-a", null, dec1 + 5 * day)).isEqualTo("turnaround");
        assertThat(ops.modeOf("ent-a", "R-1", dec1 + 9 * day)).isEqualTo("running");
        // written back (as the console and the CLI do after a command), it reads the same
        PlantOperations again = OperationsFile.parse(YamlSource.parse("again.yaml",
                OperationsFile.write(ops, ZoneId.of("Asia/Shanghai"))), REGISTRY);
        assertThat(again.changes()).isEqualTo(ops.changes());
        assertThat(again.modes()).isEqualTo(ops.modes());
    }
}
