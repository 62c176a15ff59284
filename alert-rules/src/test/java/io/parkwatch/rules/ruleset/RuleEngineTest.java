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
import io.parkwatch.rules.engine.LimitSlice;
import io.parkwatch.rules.engine.LimitState;
import io.parkwatch.rules.engine.PointHistory;
import io.parkwatch.rules.engine.WindowedRule;
import io.parkwatch.rules.engine.RuleSlice;
import io.parkwatch.rules.engine.SampleWindow;
import io.parkwatch.rules.engine.WindowSlice;
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
    final List<String> looked = new ArrayList<>();
    final RuleStateStore<RuleSlice> store = new RuleStateStore<>() {
        public RuleSlice get(String id) { looked.add(id); return states.get(id); }
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
    void quietPointsKeepNoStateButTheirOneSharedHistory() {
        run("HX-T101-GT1", Quality.N, 1, 2, 3);
        // the rate and trend rules keep no samples of their own: the point's history holds them for both
        assertThat(states).containsOnlyKeys(PointHistory.KEY);
        assertThat(((PointHistory) states.get(PointHistory.KEY)).count()).isEqualTo(1); // readings at 0, 1 and 2 s: one 2.5 s bucket
        run("HX-T101-GT1", Quality.N, 30);
        assertThat(states).containsKeys("combustible-gas", PointHistory.KEY);
    }

    /** A tank level has threshold, stuck and quality rules, none windowed: no history, and not even a look for one. */
    @Test
    void aPointWithoutWindowedRulesNeverLooksForAHistory() {
        Point level = engine.point("HX-T101-LT").orElseThrow();
        assertThat(rules.rulesFor(level)).isNotEmpty().noneMatch(r -> r instanceof WindowedRule);
        run("HX-T101-LT", Quality.N, 50, 51, 52, 99, 99, 99, 99, 99, 99);
        assertThat(states).isNotEmpty().doesNotContainKey(PointHistory.KEY);
        assertThat(looked).isNotEmpty().doesNotContain(PointHistory.KEY);
    }

    @Test
    void untrustedReadingsDoNotEnterTheHistory() {
        run("HX-T101-GT1", Quality.N, 1, 1, 1, 1, 1);
        long newest = ((PointHistory) states.get(PointHistory.KEY)).newest();
        run("HX-T101-GT1", Quality.D, 90, 90);
        assertThat(((PointHistory) states.get(PointHistory.KEY)).newest()).isEqualTo(newest);
    }

    /**
     * The state of the version before the shared history: the rate rule's own window with a minute of a fast rise,
     * its warning open. The first reading after the upgrade takes the samples into the point's history and the
     * level machine into the rule's present class: the warning stays open (no second RAISED) and the slope is
     * judged at once, from the carried samples.
     */
    @Test
    void theWindowOfAnEarlierVersionBecomesTheHistoryAndItsOpenWarningCarriesOn() {
        Point p = engine.point("HX-T101-GT1").orElseThrow();
        for (int s = 0; s < 60; s++) {
            engine.evaluate(p, new Reading(p.id(), p.enterpriseId(), s * 1000L, 2 + 0.3 * s, Quality.N, 0), store, 0);
        }
        LimitSlice now = (LimitSlice) states.get("combustible-gas-rate");
        assertThat(now.high.open).isNotNull();
        String open = now.high.open.alertId();
        // rebuild what the earlier version would hold: a window of its own under the rule, no history
        WindowSlice earlier = new WindowSlice();
        earlier.ruleVersion = now.ruleVersion;
        earlier.high = now.high;
        earlier.samples = new SampleWindow(64);
        for (int s = 0; s < 60; s++) {
            earlier.samples.add(s * 1000L, 2 + 0.3 * s, 60_000);
        }
        states.clear();
        states.put("combustible-gas-rate", earlier);

        clock = 60_000;
        List<AlertUpdate> out = run("HX-T101-GT1", Quality.N, 20, 20.3);
        assertThat(out).isEmpty(); // still rising 18 %LEL/min: the open warning stays open, nothing raised anew
        assertThat(states.get("combustible-gas-rate")).isExactlyInstanceOf(LimitSlice.class);
        assertThat(((LimitSlice) states.get("combustible-gas-rate")).high.open.alertId()).isEqualTo(open);
        assertThat(((PointHistory) states.get(PointHistory.KEY)).fit(60_000, LimitState.NONE, 3).slopePerMinute())
                .isGreaterThan(15);
        List<AlertUpdate> fall = run("HX-T101-GT1", Quality.N, 15, 10, 6, 5, 5, 5, 5, 5, 5, 5, 5, 5);
        assertThat(fall).extracting(u -> u.event().type().name(), u -> u.event().alertId())
                .contains(org.assertj.core.groups.Tuple.tuple("RECOVERED", open));
    }
}
