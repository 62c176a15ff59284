package io.parkwatch.rules.config;

import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Rule;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The rules in force, with a per-point lookup that is computed once per point. */
public final class RuleSet {

    private final List<Rule> rules;
    private final Map<String, List<Rule>> byPoint = new ConcurrentHashMap<>();

    public RuleSet(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rules that watch this point, in file order. */
    public List<Rule> rulesFor(Point p) {
        return byPoint.computeIfAbsent(p.id(), id -> rules.stream().filter(r -> r.appliesTo(p)).toList());
    }
}
