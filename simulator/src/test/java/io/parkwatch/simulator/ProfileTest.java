package io.parkwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void interpolatesBetweenKnotsAndHoldsTheEnds() {
        Profile p = Profile.of(0, 1, 10, 11, 20, 1);
        assertThat(p.at(-5)).isEqualTo(1);
        assertThat(p.at(5)).isEqualTo(6);
        assertThat(p.at(15)).isEqualTo(6);
        assertThat(p.at(99)).isEqualTo(1);
    }

    @Test
    void leakPassesBothGasLevelsThenFallsBackAndTheNeighbourStaysBelowLevel1() {
        PointRegistry registry = PointRegistryFile.load(Path.of("../config/points.yaml"));
        Incident leak = Incident.gasLeakAtT101(10);
        ParkSimulator sim = new ParkSimulator(registry, new SimulationPlan("tcp://unused:1", List.of(), List.of(leak),
                Duration.ofSeconds(120), 1, Duration.ofSeconds(1), 7));
        Baseline gt1 = new Baseline(registry.point("HX-T101-GT1").orElseThrow(), 7);
        Baseline gt2 = new Baseline(registry.point("HX-T101-GT2").orElseThrow(), 7);
        double peak1 = 0;
        double peak2 = 0;
        for (int s = 0; s <= 120; s++) {
            peak1 = Math.max(peak1, sim.valueAt(gt1, s * 1000L, s));
            peak2 = Math.max(peak2, sim.valueAt(gt2, s * 1000L, s));
        }
        assertThat(peak1).isGreaterThan(55);
        assertThat(peak2).isLessThan(22);
        assertThat(sim.valueAt(gt1, 0, 0)).isCloseTo(1.0, within(2.0));
        assertThat(sim.valueAt(gt1, 110_000, 110)).isCloseTo(1.0, within(2.0)); // over
    }
}
