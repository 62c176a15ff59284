package io.parkwatch.rules.config;

import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.model.RuleSelector;
import io.parkwatch.rules.threshold.Limits;
import io.parkwatch.rules.threshold.ThresholdRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a rule YAML file:
 * <pre>
 * rules:
 *   - id: combustible-gas
 *     type: threshold
 *     description: Combustible gas, GB/T 50493-2019 5.5.2
 *     match: { kind: gas_lel }       # kind, enterprise, points, tank, zone (each one value or a list)
 *     high: { alarm: 25, critical: 50 }
 *     low:  { ... }                  # optional, same levels
 *     deadband: 2                    # in the point's unit
 *     on-delay: 2s
 *     off-delay: 0s
 * </pre>
 * With a registry, point ids in {@code match.points} must exist.
 */
public final class RuleFile {

    private static final Set<String> TOP = Set.of("rules");
    private static final Set<String> THRESHOLD = Set.of("id", "type", "description", "match", "high", "low",
            "deadband", "on-delay", "off-delay");
    private static final Set<String> MATCH = Set.of("kind", "enterprise", "points", "tank", "zone");
    private static final Set<String> LEVELS = Set.of("warn", "alarm", "critical");
    private static final Set<String> TYPES = Set.of("threshold");

    private RuleFile() {
    }

    public static RuleSet load(Path path, PointRegistry registry) {
        return parse(YamlSource.read(path), registry);
    }

    public static RuleSet parse(YamlSource src, PointRegistry registry) {
        Problems problems = new Problems();
        ConfigNode root = src.root();
        if (!root.isObject()) {
            problems.add(root.error("a rule file must be a mapping with a 'rules' list"));
            problems.throwIfAny();
        }
        root.allowOnly(problems, TOP);
        if (!root.has("rules")) {
            problems.add(root.get("rules").error("is required"));
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode r : root.get("rules").elements(problems)) {
            String type = r.get("type").text(problems, true);
            if (type == null) {
                continue;
            }
            if (!TYPES.contains(type)) {
                problems.add(r.get("type").error("unknown rule type '" + type + "' (supported: " + TYPES + ")"));
                continue;
            }
            Rule rule = threshold(r, registry, problems);
            if (rule == null) {
                continue;
            }
            if (!ids.add(rule.id())) {
                problems.add(r.get("id").error("duplicate rule id '" + rule.id() + "'"));
                continue;
            }
            rules.add(rule);
        }
        problems.throwIfAny();
        return new RuleSet(rules);
    }

    private static ThresholdRule threshold(ConfigNode r, PointRegistry registry, Problems problems) {
        int before = problems.errors().size();
        r.allowOnly(problems, THRESHOLD);
        String id = r.get("id").text(problems, true);
        String description = r.get("description").text(problems, false);
        RuleSelector selector = selector(r.get("match"), registry, problems);
        Limits high = limits(r.get("high"), true, problems);
        Limits low = limits(r.get("low"), false, problems);
        if ((high == null || high.isEmpty()) && (low == null || low.isEmpty())
                && problems.errors().size() == before) {
            problems.add(r.error("a threshold rule needs at least one limit under 'high' or 'low'"));
        }
        Double deadband = r.get("deadband").number(problems, false);
        if (deadband != null && deadband < 0) {
            problems.add(r.get("deadband").error("must not be negative"));
        }
        Duration onDelay = r.get("on-delay").duration(problems, Duration.ZERO);
        Duration offDelay = r.get("off-delay").duration(problems, Duration.ZERO);
        if (problems.errors().size() > before) {
            return null;
        }
        return new ThresholdRule(id, description == null ? id : description, selector, high, low,
                deadband == null ? 0 : deadband, onDelay, offDelay);
    }

    private static RuleSelector selector(ConfigNode m, PointRegistry registry, Problems problems) {
        if (m.isMissing()) {
            problems.add(m.error("is required: which points the rule watches (kind, enterprise, points, tank, zone)"));
            return null;
        }
        int before = problems.errors().size();
        m.allowOnly(problems, MATCH);
        Set<PointKind> kinds = new LinkedHashSet<>();
        for (String k : m.get("kind").texts(problems)) {
            try {
                kinds.add(PointKind.parse(k));
            } catch (IllegalArgumentException e) {
                problems.add(m.get("kind").error(e.getMessage() + " (expected one of " + PointKind.allNames() + ")"));
            }
        }
        Set<String> points = new LinkedHashSet<>(m.get("points").texts(problems));
        if (registry != null) {
            for (String p : points) {
                if (registry.point(p).isEmpty()) {
                    problems.add(m.get("points").error("unknown point '" + p + "'"));
                }
            }
        }
        Set<String> enterprises = new LinkedHashSet<>(m.get("enterprise").texts(problems));
        if (registry != null) {
            for (String e : enterprises) {
                if (registry.enterprise(e).isEmpty()) {
                    problems.add(m.get("enterprise").error("unknown enterprise '" + e + "'"));
                }
            }
        }
        RuleSelector s = new RuleSelector(kinds, enterprises, points, new LinkedHashSet<>(m.get("tank").texts(problems)),
                new LinkedHashSet<>(m.get("zone").texts(problems)));
        if (s.isEmpty() && m.isObject() && problems.errors().size() == before) {
            problems.add(m.error("must name at least one of kind, enterprise, points, tank, zone"));
        }
        return s;
    }

    private static Limits limits(ConfigNode n, boolean high, Problems problems) {
        if (n.isMissing()) {
            return null;
        }
        int before = problems.errors().size();
        n.allowOnly(problems, LEVELS);
        Double warn = n.get("warn").number(problems, false);
        Double alarm = n.get("alarm").number(problems, false);
        Double critical = n.get("critical").number(problems, false);
        Limits l = new Limits(warn, alarm, critical);
        // Severity must grow as the value moves further from normal.
        Double prev = null;
        Level prevLevel = null;
        for (Level level : Level.values()) {
            Double v = l.of(level);
            if (v == null) {
                continue;
            }
            if (prev != null && (high ? v <= prev : v >= prev)) {
                problems.add(n.get(level.label()).error(level.label() + " limit " + v + " must be "
                        + (high ? "above" : "below") + " the " + prevLevel.label() + " limit " + prev
                        + (high ? " for a high limit" : " for a low limit")));
            }
            prev = v;
            prevLevel = level;
        }
        if (l.isEmpty() && n.isObject() && problems.errors().size() == before) {
            problems.add(n.error("needs at least one of warn, alarm, critical"));
        }
        return l;
    }
}
