package io.parkwatch.rules.ruleset;

import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Rule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;

/** The rules in force, with a per-point lookup that is computed once per point. */
public final class RuleSet {

    private final List<Rule> rules;
    private final Map<String, Integer> versions;
    private final Map<String, Rule> byId;
    private final Map<String, List<Rule>> byPoint = new ConcurrentHashMap<>();

    public RuleSet(List<Rule> rules, Map<String, Integer> versions) {
        this.rules = List.copyOf(rules);
        this.versions = Map.copyOf(versions);
        this.byId = this.rules.stream().collect(Collectors.toUnmodifiableMap(Rule::id, Function.identity(), (a, b) -> a));
    }

    public RuleSet(List<Rule> rules) {
        this(rules, Map.of());
    }

    /** A fingerprint of the rule as written; state built for another fingerprint is outdated. */
    public int version(String ruleId) {
        return versions.getOrDefault(ruleId, 0);
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
}
