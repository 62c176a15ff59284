package io.parkwatch.job;

import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.lifecycle.EscalationPlan;
import io.parkwatch.rules.wire.ConfigDocument;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule engine for the configuration in force: the job's start-up files, overridden by whatever
 * arrived on the config topic (broadcast state). Rebuilt only when the configuration changes.
 */
final class EngineHolder {

    private static final Logger LOG = LoggerFactory.getLogger(EngineHolder.class);

    private final ParkConfig initial;
    private ParkConfig current;
    private RuleEngine engine;
    private ParkConfig planFor;
    private EscalationPlan plan;

    EngineHolder(ParkConfig initial) {
        this.initial = initial;
    }

    /** The engine for the documents in broadcast state (kind to yaml); empty state means the start-up files. */
    RuleEngine engine(Iterable<Map.Entry<String, String>> broadcast) throws Exception {
        ParkConfig wanted = merge(initial, broadcast).forRules();
        if (engine == null || !wanted.equals(current)) {
            engine = wanted.engine();
            current = wanted;
        }
        return engine;
    }

    /** The escalation plan for the contacts in force. */
    EscalationPlan plan(Iterable<Map.Entry<String, String>> broadcast) {
        ParkConfig wanted = merge(initial, broadcast).forRules();
        if (plan == null || !wanted.equals(planFor)) {
            plan = wanted.plan();
            planFor = wanted;
        }
        return plan;
    }

    /**
     * Checks a new document against the rest of the configuration; returns the configuration it would
     * make, or throws with the file, line and field that is wrong.
     */
    static ParkConfig accept(ParkConfig base, Iterable<Map.Entry<String, String>> broadcast, ConfigDocument doc) {
        ParkConfig next = merge(base, broadcast).with(doc.kind(), doc.yaml());
        next.yaml(doc.kind()); // an unknown kind is refused
        next.engine(); // validates the files together
        next.plan();
        next.risk();
        return next;
    }

    static ParkConfig merge(ParkConfig base, Iterable<Map.Entry<String, String>> broadcast) {
        ParkConfig merged = base;
        for (Map.Entry<String, String> e : broadcast) {
            if (ConfigDocument.KINDS.contains(e.getKey())) {
                merged = merged.with(e.getKey(), e.getValue());
            } else {
                LOG.warn("ignoring unknown configuration kind {}", e.getKey());
            }
        }
        Objects.requireNonNull(merged.pointsYaml());
        Objects.requireNonNull(merged.rulesYaml());
        return merged;
    }
}
