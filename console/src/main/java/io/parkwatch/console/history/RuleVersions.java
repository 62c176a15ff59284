package io.parkwatch.console.history;

import io.parkwatch.rules.ruleset.RuleFile;
import io.parkwatch.rules.wire.ConfigDocument;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which version of the rule file brought each version of each rule, from the configuration history: an alert
 * records its rule's version, and the console says when that version was applied, by whom and why.
 */
public final class RuleVersions {

    /** A version of the rule file: its number in the history (1 is the first), when, who, why. */
    public record Applied(int version, long appliedAt, String appliedBy, String reason, String source) {
    }

    private final Map<String, Applied> firstByRuleVersion = new ConcurrentHashMap<>();
    private int versions;

    /** Takes the next document of the configuration history (any kind; only rules count). */
    public synchronized void add(ConfigDocument d) {
        if (!ConfigDocument.RULES.equals(d.kind())) {
            return;
        }
        versions++;
        Applied a = new Applied(versions, d.publishedAt(), d.appliedBy(), d.reason(), d.source());
        try {
            RuleFile.versionTags(d.yaml()).forEach((id, tag) -> firstByRuleVersion.putIfAbsent(id + "|" + tag, a));
        } catch (RuntimeException e) {
            // a version that is not YAML at all was refused when applied; it brought no rule
        }
    }

    /** The version of the rule file that first had this version of the rule. */
    public Optional<Applied> of(String ruleId, String ruleVersion) {
        return ruleVersion == null ? Optional.empty() : Optional.ofNullable(firstByRuleVersion.get(ruleId + "|" + ruleVersion));
    }
}
