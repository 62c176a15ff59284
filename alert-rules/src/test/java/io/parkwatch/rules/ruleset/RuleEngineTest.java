package io.parkwatch.rules.ruleset;

import io.parkwatch.rules.engine.RuleStateStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.ruleset.RuleFile;
import io.parkwatch.rules.ruleset.RuleSet;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.engine.RuleSlice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

    final PointRegistry registry = PointRegistryFile.load(Path.of("../config/points.yaml"));
    final RuleSet rules = RuleFile.load(Path.of("../config/rules.yaml"), registry);
    final RuleEngine engine = new RuleEngine(registry, rules);
    final Map<String, RuleSlice> states = new HashMap<>();
    final RuleStateStore<RuleSlice> store = new RuleStateStore<>() {
        public RuleSlice get(String id) { return states.get(id); }
        public void put(String id, RuleSlice s) { states.put(id, s); }
        public void remove(String id) { states.remove(id); }
    };

    long clock;

    List<AlertUpdate> run(String pointId, Quality q, double... values) {
        Point p = engine.point(pointId).orElseThrow();
        List<AlertUpdate> out = new ArrayList<>();
        for (double v : values) {
            out.addAll(engine.evaluate(p, new Reading(pointId, p.enterpriseId(), clock, v, q, 0), store, 0));
            clock += 1000;
        }
        return out;
    }

    @Test
    void faultyOrMaintenanceReadingsDoNotDriveProcessAlarms() {
        assertThat(run("HX-T101-GT1", Quality.D, 80, 80, 80, 80)).extracting(u -> u.event().ruleId())
                .containsExactly("instrument-quality");
        assertThat(run("HX-T101-GT1", Quality.M, 80, 80, 80, 80)).isEmpty(); // still flagged: nothing new
        assertThat(run("HX-T101-GT1", Quality.N, 80, 80, 80, 80)).extracting(u -> u.event().ruleId())
                .containsExactly("instrument-quality", "combustible-gas"); // good again, and now a real alarm
    }

    @Test
    void quietPointsKeepNoState() {
        run("HX-T101-GT1", Quality.N, 1, 2, 3);
        assertThat(states).doesNotContainKeys("combustible-gas", "instrument-quality"); // windowed rules keep samples
        run("HX-T101-GT1", Quality.N, 30);
        assertThat(states).containsKey("combustible-gas");
    }
}
