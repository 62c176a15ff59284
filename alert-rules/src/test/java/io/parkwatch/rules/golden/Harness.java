package io.parkwatch.rules.golden;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.ruleset.RuleFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.engine.RuleSlice;
import io.parkwatch.rules.engine.RuleStateStore;
import io.parkwatch.rules.maintenance.MaintenanceSchedule;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/** Feeds scripted readings through the real rule engine and records what it decides. */
final class Harness {

    static final String POINTS = """
            enterprises:
              - { id: ent-a }
              - { id: ent-stopped, status: shut-down }
            points:
              - { id: GAS, enterprise: ent-a, kind: gas_lel, range: [0, 100], interval: 1s, tank: T-1, zone: Z1 }
              - { id: TT, enterprise: ent-a, kind: temperature, unit: degC, range: [0, 200], interval: 1s, tank: R-1 }
              - { id: LT, enterprise: ent-a, kind: level, range: [0, 100], interval: 1s, tank: T-1 }
              - { id: STOPPED-TT, enterprise: ent-stopped, kind: temperature, unit: degC, range: [0, 200], tank: R-9 }
            """;

    final PointRegistry registry;
    final RuleEngine engine;
    final Map<String, Map<String, RuleSlice>> states = new HashMap<>();
    final List<AlertUpdate> updates = new ArrayList<>();

    Harness(String rulesYaml) {
        this(rulesYaml, MaintenanceSchedule.NONE);
    }

    Harness(String rulesYaml, MaintenanceSchedule maintenance) {
        this(rulesYaml, maintenance, null);
    }

    /** With an operations document (modes, instruments out of service). */
    Harness(String rulesYaml, MaintenanceSchedule maintenance, String operationsYaml) {
        registry = PointRegistryFile.parse(YamlSource.parse("points.yaml", POINTS));
        engine = new RuleEngine(registry, RuleFile.parse(YamlSource.parse("rules.yaml", rulesYaml), registry), maintenance,
                operationsYaml == null ? io.parkwatch.rules.operations.PlantOperations.NONE
                        : io.parkwatch.rules.operations.OperationsFile.parse(
                                YamlSource.parse("operations.yaml", operationsYaml), registry));
    }

    /** One reading per second from {@code t0Ms} on, for {@code seconds} seconds. */
    Harness feed(String point, long t0Ms, int seconds, IntToDoubleFunction valueAtSecond) {
        return feed(point, t0Ms, seconds, valueAtSecond, Quality.N);
    }

    Harness feed(String point, long t0Ms, int seconds, IntToDoubleFunction valueAtSecond, Quality q) {
        Point p = registry.point(point).orElseThrow();
        Map<String, RuleSlice> st = states.computeIfAbsent(point, k -> new HashMap<>());
        RuleStateStore<RuleSlice> store = new RuleStateStore<>() {
            public RuleSlice get(String id) { return st.get(id); }
            public void put(String id, RuleSlice s) { st.put(id, s); }
            public void remove(String id) { st.remove(id); }
        };
        for (int s = 0; s < seconds; s++) {
            Reading r = new Reading(point, p.enterpriseId(), t0Ms + s * 1000L, valueAtSecond.applyAsDouble(s), q, 0);
            updates.addAll(engine.evaluate(p, r, store, 0));
        }
        return this;
    }

    List<AlertEvent> events(String ruleId) {
        return updates.stream().map(AlertUpdate::event).filter(e -> e.ruleId().equals(ruleId)).toList();
    }
}
