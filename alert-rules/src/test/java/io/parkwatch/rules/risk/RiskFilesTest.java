package io.parkwatch.rules.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.HazardSource;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.operations.PlantOperations;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The risk model, the commitments document and the hazard sources of the registry: read, refused, written. */
class RiskFilesTest {

    static final Path CONFIG = Path.of("..", "config");

    @Test
    void theShippedModelIsTheDefaultAndReads() {
        RiskModel shipped = RiskModelFile.parse(YamlSource.read(CONFIG.resolve("risk.yaml")),
                Set.of("running", "start-up", "shut-down", "turnaround", "trial-run"));
        assertThat(shipped.red()).isEqualTo(100);
        assertThat(shipped.grades()[2]).isEqualTo(18);
        assertThat(shipped.alarms().get(Level.CRITICAL)).isEqualTo(35);
        assertThat(shipped.unanswered()).extracting(RiskModel.Step::after).containsExactly(Duration.ofMinutes(5),
                Duration.ofMinutes(15), Duration.ofMinutes(30));
        assertThat(shipped.commitmentDue()).isEqualTo(LocalTime.of(9, 0));
        assertThat(shipped.modes()).containsEntry("turnaround", 20.0);
        assertThat(shipped.specialOperations()).containsEntry("hot-work", 10.0).doesNotContainKey("other");
        assertThat(shipped.evaluateEvery()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void everyMistakeOfAModelIsReportedAtOnceWithLineAndField() {
        assertThatThrownBy(() -> RiskModelFile.parse(YamlSource.parse("risk.yaml", """
                colours: { yellow: 50, orange: 40, red: 100 }
                alarms:
                  critical: -3
                  kinds: { gas_lpg: 2 }
                  unanswered: [ { after: 15m, add: 5 }, { after: 5m, add: 10 } ]
                modes: { half-speed: 5 }
                commitment: { due: "9 o'clock" }
                colour: 3
                """), Set.of("running", "start-up", "shut-down", "turnaround"))).isInstanceOf(ConfigException.class)
                .message()
                .contains("risk.yaml:1", "must begin in order")
                .contains("risk.yaml:3", "critical", "must not be negative")
                .contains("risk.yaml:4", "unknown kind 'gas_lpg'")
                .contains("risk.yaml:5", "increasing order")
                .contains("risk.yaml:6", "unknown operating mode 'half-speed'")
                .contains("risk.yaml:7", "must be a time of day")
                .contains("risk.yaml:8", "colour", "unknown field");
    }

    @Test
    void hazardSourcesLiveInTheRegistryWithTheirGrade() {
        var registry = PointRegistryFile.load(CONFIG.resolve("points.yaml"));
        assertThat(registry.hazardSources()).extracting(HazardSource::id, HazardSource::grade)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HS-HX-01", 3),
                        org.assertj.core.groups.Tuple.tuple("HS-DH-01", 2),
                        org.assertj.core.groups.Tuple.tuple("HS-XY-01", 4));
        assertThatThrownBy(() -> PointRegistryFile.parse(YamlSource.parse("points.yaml", """
                enterprises: [ { id: ent-a } ]
                hazard-sources:
                  - { id: HS-1, enterprise: ent-b, grade: 五级 }
                points: []
                """))).isInstanceOf(ConfigException.class).message()
                .contains("points.yaml:3", "enterprise 'ent-b' is not declared", "must be 1 to 4 (一级 to 四级), not '五级'");
    }

    @Test
    void commitmentsAreReadCheckedAndWrittenKeepingTheLastDays() {
        var registry = PointRegistryFile.load(CONFIG.resolve("points.yaml"));
        Commitment first = new Commitment("ent-donghai", LocalDate.of(2026, 12, 1), Map.of("HS-DH-01", "running"),
                List.of("hot-work"), List.of("陈杰"), "donghai", 1_796_086_800_000L);
        String doc = CommitmentsFile.write(List.of(), first, 7, registry.park().timeZone());
        List<Commitment> read = CommitmentsFile.parse(YamlSource.parse("commitments", doc), registry);
        assertThat(read).containsExactly(first);
        // a week later, the first one is history
        Commitment later = new Commitment("ent-donghai", LocalDate.of(2026, 12, 8), Map.of("HS-DH-01", "shut-down"),
                List.of(), List.of(), "donghai", 1_796_086_800_000L + 7 * 86_400_000L);
        assertThat(CommitmentsFile.parse(YamlSource.parse("commitments", CommitmentsFile.write(read, later, 7,
                registry.park().timeZone())), registry)).containsExactly(later);
        assertThatThrownBy(() -> CommitmentsFile.parse(YamlSource.parse("commitments.yaml", """
                commitments:
                  - { enterprise: ent-donghai, day: 2026-12-01, hazard-sources: { HS-HX-01: running, HS-DH-01: idle }, by: x, at: "2026-12-01 08:00" }
                """), registry)).isInstanceOf(ConfigException.class).message()
                .contains("'HS-HX-01' is not a major hazard source of ent-donghai", "not 'idle'");
        assertThat(PlantOperations.STANDARD_MODES).containsAll(Commitment.STATES);
    }
}
