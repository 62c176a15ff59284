package io.parkwatch.console.park;

import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.operations.OperationsFile;
import io.parkwatch.rules.operations.PlantOperations;
import io.parkwatch.rules.ruleset.RuleFile;
import io.parkwatch.rules.ruleset.RuleSet;
import io.parkwatch.rules.wire.ConfigDocument;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the console knows of the configuration in force, as it follows the config topic: the points, the rules
 * (for their rationalization) and the plants' operations. A document that does not hold together is refused and
 * the previous one stays, as in the job.
 */
public final class ParkConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ParkConfiguration.class);

    /** One consistent view. {@code operationsYaml} is the operations document in force ("" for none). */
    public record InForce(PointRegistry registry, RuleSet rules, PlantOperations operations, String rulesYaml,
            String operationsYaml) {
    }

    private final AtomicReference<InForce> current = new AtomicReference<>(new InForce(
            new PointRegistry(List.of(), List.of()), new RuleSet(List.of()), PlantOperations.NONE, "", ""));

    public InForce get() {
        return current.get();
    }

    public PointRegistry registry() {
        return current.get().registry();
    }

    /** Takes a document from the config topic. */
    public synchronized void update(ConfigDocument doc) {
        InForce now = current.get();
        try {
            switch (doc.kind()) {
                case ConfigDocument.POINTS -> {
                    PointRegistry r = PointRegistryFile.parse(YamlSource.parse(doc.source(), doc.yaml()));
                    current.set(rebuild(r, now.rulesYaml(), now.operationsYaml()));
                    LOG.info("console: point registry from {} ({} points)", doc.source(), r.points().size());
                }
                case ConfigDocument.RULES -> current.set(rebuild(now.registry(), doc.yaml(), now.operationsYaml()));
                case ConfigDocument.OPERATIONS -> current.set(rebuild(now.registry(), now.rulesYaml(), doc.yaml()));
                default -> {
                    // maintenance and contacts are the job's and the notifier's
                }
            }
        } catch (ConfigException e) {
            LOG.error("console: {} from {} refused, previous one stays:\n{}", doc.kind(), doc.source(), e.getMessage());
        }
    }

    /** Takes an operations document this console has just published (so a next command builds on it). */
    public void published(ConfigDocument doc) {
        update(doc);
    }

    private static InForce rebuild(PointRegistry r, String rulesYaml, String operationsYaml) {
        RuleSet rules = rulesYaml.isBlank() ? new RuleSet(List.of())
                : RuleFile.parse(YamlSource.parse("rules.yaml", rulesYaml), r);
        PlantOperations ops = operationsYaml.isBlank() ? PlantOperations.NONE.with(r)
                : OperationsFile.parse(YamlSource.parse("operations.yaml", operationsYaml), r);
        return new InForce(r, rules, ops, rulesYaml, operationsYaml);
    }
}
