package io.parkwatch.rules.ruleset;

import io.parkwatch.rules.lifecycle.ShelvingPolicy;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Rationale;
import io.parkwatch.rules.model.Rule;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules in force, with a per-point lookup that is computed once per point, and what the rule file says around
 * them: their rationalization (the master alarm database), the modes in which each is suppressed, and how long an
 * alarm may be shelved.
 */
public final class RuleSet {

    private final List<Rule> rules;
    private final Map<String, Integer> versions;
    private final Map<String, Rule> byId;
    private final Map<String, List<Rule>> byPoint = new ConcurrentHashMap<>();
    private final ShelvingPolicy shelving;
    private final Map<String, Set<String>> suppressedInModes;
    private final Map<String, Rationale> rationales;

    /**
     * What a rule file holds besides its rules' evaluation.
     *
     * @param versions          per rule, a fingerprint of how it evaluates
     * @param suppressedInModes per rule, the operating modes in which its alarms are suppressed by design
     * @param rationales        per rule id, and per "rule|point" where a point has its own
     */
    @RecordBuilder
    public record Parts(List<Rule> rules, Map<String, Integer> versions, ShelvingPolicy shelving,
            Map<String, Set<String>> suppressedInModes, Map<String, Rationale> rationales) {

        public RuleSet ruleSet() {
            return new RuleSet(this);
        }
    }

    /** Names what it sets: {@code RuleSet.builder().rules(..).versions(..).build()}. */
    public static RuleSetPartsBuilder builder() {
        return RuleSetPartsBuilder.builder();
    }

    private RuleSet(Parts p) {
        this.rules = List.copyOf(p.rules());
        this.versions = p.versions() == null ? Map.of() : Map.copyOf(p.versions());
        this.byId = this.rules.stream().collect(Collectors.toUnmodifiableMap(Rule::id, Function.identity(), (a, b) -> a));
        this.shelving = p.shelving() == null ? ShelvingPolicy.DEFAULT : p.shelving();
        this.suppressedInModes = p.suppressedInModes() == null ? Map.of() : Map.copyOf(p.suppressedInModes());
        this.rationales = p.rationales() == null ? Map.of() : Map.copyOf(p.rationales());
    }

    public RuleSet(List<Rule> rules, Map<String, Integer> versions) {
        this(new Parts(rules, versions, null, null, null));
    }

    public RuleSet(List<Rule> rules) {
        this(rules, Map.of());
    }

    /** A fingerprint of how the rule evaluates; state built for another fingerprint is outdated. */
    public int version(String ruleId) {
        return versions.getOrDefault(ruleId, 0);
    }

    /** The version of a rule as alerts record it: its fingerprint in hex. */
    public String versionTag(String ruleId) {
        return tag(version(ruleId));
    }

    static String tag(int fingerprint) {
        return String.format("%08x", fingerprint);
    }

    /** The same update, its event and alert marked with the version of their rule (raised ones; others as they are). */
    public AlertUpdate stamped(AlertUpdate u) {
        if (u.event().type() != AlertEventType.RAISED || !byId.containsKey(u.event().ruleId())) {
            return u;
        }
        String v = versionTag(u.event().ruleId());
        return new AlertUpdate(u.event().withRuleVersion(v), u.alert());
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rule with this id, if it is (still) in force. */
    public Optional<Rule> rule(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The rules that watch this point, in file order. */
    public List<Rule> rulesFor(Point p) {
        return byPoint.computeIfAbsent(p.id(), id -> rules.stream().filter(r -> r.appliesTo(p)).toList());
    }

    /** How long an alarm of each level may be shelved. */
    public ShelvingPolicy shelving() {
        return shelving;
    }

    /** The operating modes in which this rule's alarms are suppressed by design (none: always announced). */
    public Set<String> suppressedInModes(String ruleId) {
        return suppressedInModes.getOrDefault(ruleId, Set.of());
    }

    /** The points that have their own rationalization of a rule, with it. */
    public Map<String, Rationale> rationalesForPoints(String ruleId) {
        Map<String, Rationale> out = new java.util.TreeMap<>();
        rationales.forEach((k, v) -> {
            if (k.startsWith(ruleId + "|")) {
                out.put(k.substring(ruleId.length() + 1), v);
            }
        });
        return out;
    }

    /** The rationalization of a rule's alarm on a subject: the point's own, else the rule's. */
    public Optional<Rationale> rationale(String ruleId, String subject) {
        Rationale own = rationales.get(ruleId + "|" + subject);
        return Optional.ofNullable(own != null ? own : rationales.get(ruleId));
    }
}
