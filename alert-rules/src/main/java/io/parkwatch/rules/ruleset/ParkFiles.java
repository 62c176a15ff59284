package io.parkwatch.rules.ruleset;

import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.ConfigError;
import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.maintenance.MaintenanceFile;
import io.parkwatch.rules.maintenance.MaintenanceSchedule;
import io.parkwatch.rules.operations.OperationsFile;
import io.parkwatch.rules.operations.PlantOperations;

/**
 * The three configuration files checked together (rules name points, windows name points): the one
 * place that decides whether a configuration is acceptable, for the CLI, the job and the launcher.
 */
public final class ParkFiles {

    /** A file's label (for error messages) and text. */
    public record Text(String label, String text) {
    }

    private ParkFiles() {
    }

    /** Builds the engine, or throws {@link ConfigException} naming file, line and field. Maintenance may be null. */
    public static RuleEngine engine(Text points, Text rules, Text maintenance) {
        return engine(PointRegistryFile.parse(YamlSource.parse(points.label(), points.text())), rules, maintenance);
    }

    /** The same, over a registry already parsed (and so already checked). */
    public static RuleEngine engine(PointRegistry registry, Text rules, Text maintenance) {
        RuleSet ruleSet = RuleFile.parse(YamlSource.parse(rules.label(), rules.text()), registry);
        MaintenanceSchedule schedule = maintenance == null || maintenance.text() == null || maintenance.text().isBlank()
                ? MaintenanceSchedule.NONE
                : MaintenanceFile.parse(YamlSource.parse(maintenance.label(), maintenance.text()), registry);
        return new RuleEngine(registry, ruleSet, schedule);
    }

    /** The same, with the operations document (modes, instruments out of service), which may be null. */
    public static RuleEngine engine(Text points, Text rules, Text maintenance, Text operations) {
        return withOperations(engine(points, rules, maintenance), rules, operations);
    }

    /** The same, over a registry already parsed (and so already checked). */
    public static RuleEngine engine(PointRegistry registry, Text rules, Text maintenance, Text operations) {
        return withOperations(engine(registry, rules, maintenance), rules, operations);
    }

    private static RuleEngine withOperations(RuleEngine e, Text rules, Text operations) {
        if (operations == null || operations.text() == null || operations.text().isBlank()) {
            knownModes(rules.label(), e.rules(), PlantOperations.NONE);
            return e;
        }
        PlantOperations ops = OperationsFile.parse(YamlSource.parse(operations.label(), operations.text()),
                e.registry());
        knownModes(rules.label(), e.rules(), ops);
        return new RuleEngine(e.registry(), e.rules(), e.maintenance(), ops);
    }

    /** Every mode a rule names is one the park has (a misspelt mode would silently never apply). */
    static void knownModes(String file, RuleSet rules, PlantOperations ops) {
        List<ConfigError> errors = new ArrayList<>();
        for (Rule r : rules.rules()) {
            Set<String> named = new TreeSet<>(rules.suppressedInModes(r.id()));
            named.addAll(r.modesNamed());
            for (String m : named) {
                if (!ops.modes().contains(m)) {
                    errors.add(new ConfigError(file, 0, 0, "rules[" + r.id() + "]", "unknown operating mode '" + m
                            + "' (known: " + String.join(", ", new TreeSet<>(ops.modes()))
                            + "; a park adds its own under 'modes' in the operations file)"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }
}
