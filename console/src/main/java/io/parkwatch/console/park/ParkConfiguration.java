package io.parkwatch.console.park;

import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.operations.OperationsFile;
import io.parkwatch.rules.operations.PlantOperations;
import io.parkwatch.rules.risk.Commitment;
import io.parkwatch.rules.risk.CommitmentsFile;
import io.parkwatch.rules.risk.RiskModel;
import io.parkwatch.rules.risk.RiskModelFile;
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

    /**
     * One consistent view. {@code operationsYaml} is the operations document in force ("" for none); the risk model
     * (the shipped one until a document comes) and the daily safety commitments of the last days.
     */
    public record InForce(PointRegistry registry, RuleSet rules, PlantOperations operations, String rulesYaml,
            String operationsYaml, RiskModel risk, List<Commitment> commitments) {

        public InForce(PointRegistry registry, RuleSet rules, PlantOperations operations, String rulesYaml,
                String operationsYaml) {
            this(registry, rules, operations, rulesYaml, operationsYaml, RiskModelFile.DEFAULT, List.of());
        }

        InForce with(RiskModel r, List<Commitment> c) {
            return new InForce(registry, rules, operations, rulesYaml, operationsYaml, r, c);
        }
    }

    private final AtomicReference<InForce> current = new AtomicReference<>(new InForce(
            new PointRegistry(List.of(), List.of()), new RuleSet(List.of()), PlantOperations.NONE, "", ""));
    private String commitmentsYaml = "";

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
                    current.set(rebuild(r, now.rulesYaml(), now.operationsYaml()).with(now.risk(),
                            commitments(r, commitmentsYaml)));
                    LOG.info("console: point registry from {} ({} points)", doc.source(), r.points().size());
                }
                case ConfigDocument.RULES -> current.set(rebuild(now.registry(), doc.yaml(), now.operationsYaml())
                        .with(now.risk(), now.commitments()));
                case ConfigDocument.OPERATIONS -> current.set(rebuild(now.registry(), now.rulesYaml(), doc.yaml())
                        .with(now.risk(), now.commitments()));
                case ConfigDocument.RISK -> current.set(now.with(RiskModelFile.parse(YamlSource.parse(doc.source(),
                        doc.yaml()), now.operations().modes()), now.commitments()));
                case ConfigDocument.COMMITMENTS -> {
                    current.set(now.with(now.risk(), commitments(now.registry(), doc.yaml())));
                    commitmentsYaml = doc.yaml();
                }
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

    private static List<Commitment> commitments(PointRegistry r, String yaml) {
        return yaml.isBlank() ? List.of() : CommitmentsFile.parse(YamlSource.parse("commitments", yaml), r);
    }

    private static InForce rebuild(PointRegistry r, String rulesYaml, String operationsYaml) {
        RuleSet rules = rulesYaml.isBlank() ? new RuleSet(List.of())
                : RuleFile.parse(YamlSource.parse("rules.yaml", rulesYaml), r);
        PlantOperations ops = operationsYaml.isBlank() ? PlantOperations.NONE.with(r)
                : OperationsFile.parse(YamlSource.parse("operations.yaml", operationsYaml), r);
        return new InForce(r, rules, ops, rulesYaml, operationsYaml);
    }
}
