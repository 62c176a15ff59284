package io.parkwatch.job;

import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.lifecycle.EscalationPlan;
import io.parkwatch.rules.wire.ConfigDocument;
import java.util.ArrayList;
import java.util.List;
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
    /** The start-up files with the broadcast documents, as the rules read them; made again only when those change. */
    private ParkConfig merged;
    /** The broadcast state's kinds and texts {@link #merged} was made from, as objects: unchanged state gives the same. */
    private final List<Object> mergedFrom = new ArrayList<>();
    private long textComparisons;

    EngineHolder(ParkConfig initial) {
        this.initial = initial;
    }

    /** The engine for the documents in broadcast state ({@link ConfigState}); empty state means the start-up files. */
    RuleEngine engine(Iterable<Map.Entry<String, byte[]>> broadcast) throws Exception {
        ParkConfig wanted = merged(broadcast);
        if (engine == null || wanted != current && !sameTexts(wanted, current)) {
            engine = wanted.engine();
        }
        // kept even when the texts are the same (a document equal to the start-up file, as `parkwatch init` publishes):
        // the next readings find it by identity instead of comparing megabytes of text each
        current = wanted;
        return engine;
    }

    /** The escalation plan for the contacts in force. */
    EscalationPlan plan(Iterable<Map.Entry<String, byte[]>> broadcast) {
        ParkConfig wanted = merged(broadcast);
        if (plan == null || wanted != planFor && !sameTexts(wanted, planFor)) {
            plan = wanted.plan();
        }
        planFor = wanted;
        return plan;
    }

    private boolean sameTexts(ParkConfig a, ParkConfig b) {
        textComparisons++;
        return a.equals(b);
    }

    /** How often the texts were compared: once per change of the broadcast state, never per reading. */
    long textComparisons() {
        return textComparisons;
    }

    /**
     * The configuration in force. Asked for every reading, so the broadcast documents are compared by identity (the
     * state hands out the objects it holds) instead of being inflated, merged again and compared by their text.
     */
    private ParkConfig merged(Iterable<Map.Entry<String, byte[]>> broadcast) {
        if (merged != null && madeFrom(broadcast)) {
            return merged;
        }
        merged = merge(initial, ConfigState.texts(broadcast)).forRules();
        mergedFrom.clear();
        for (Map.Entry<String, byte[]> e : broadcast) {
            mergedFrom.add(e.getKey());
            mergedFrom.add(e.getValue());
        }
        return merged;
    }

    private boolean madeFrom(Iterable<Map.Entry<String, byte[]>> broadcast) {
        int i = 0;
        for (Map.Entry<String, byte[]> e : broadcast) {
            if (i + 1 >= mergedFrom.size() || mergedFrom.get(i) != e.getKey() || mergedFrom.get(i + 1) != e.getValue()) {
                return false;
            }
            i += 2;
        }
        return i == mergedFrom.size();
    }

    /**
     * Checks a new document against the rest of the configuration in force; returns the configuration it would
     * make, or throws with the file, line and field that is wrong.
     */
    static ParkConfig accept(ParkConfig inForce, ConfigDocument doc) {
        ParkConfig next = inForce.with(doc.kind(), doc.yaml());
        next.yaml(doc.kind()); // an unknown kind is refused
        next.engine(); // validates the files together
        next.plan();
        next.risk();
        return next;
    }

    /** The start-up files overridden by the documents (kind to text). */
    static ParkConfig merge(ParkConfig base, Iterable<Map.Entry<String, String>> documents) {
        ParkConfig merged = base;
        for (Map.Entry<String, String> e : documents) {
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
