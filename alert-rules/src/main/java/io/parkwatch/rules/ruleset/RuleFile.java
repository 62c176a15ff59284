package io.parkwatch.rules.ruleset;

import io.parkwatch.rules.config.ConfigNode;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.engine.RuleEntry;
import io.parkwatch.rules.engine.RuleKind;
import io.parkwatch.rules.kinds.RuleKinds;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.model.Rule;
import io.parkwatch.rules.model.RuleSelector;
import io.parkwatch.rules.lifecycle.ShelvingPolicy;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Rationale;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * Other types: rate, trend, stuck, quality, stale, voting, composite, shutdown-activity; see
 * docs/rules.md for one example of each. With a registry, point ids in {@code match.points} must exist.
 * An optional top-level section sets how long operators may shelve an alarm of each level:
 * <pre>
 * shelving:
 *   max: { warn: 8h, alarm: 4h, critical: 1h }   # level-2 gas alarms can never be shelved
 * </pre>
 */
public final class RuleFile {

    private static final Set<String> TOP = Set.of("rules", "shelving");
    private static final Set<String> MATCH = Set.of("all", "kind", "enterprise", "points", "tank", "zone");
    private static final Set<String> COMMON = Set.of("id", "type", "description", "match", "rationale",
            "suppressed-in-modes", "rationale-for-points");
    /**
     * What documents a rule or says when it is held back, not how it evaluates: editing them keeps its state. (The
     * description stays in the fingerprint: leaving it out would change every rule's version, and reset the state of
     * every rule of a park, on the upgrade that brought this.)
     */
    private static final Set<String> NOT_EVALUATION = Set.of("rationale", "suppressed-in-modes",
            "rationale-for-points");
    private static final Set<String> RATIONALE = Set.of("cause", "consequence", "action", "response-time", "priority",
            "class");

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
        Map<String, Integer> versions = new HashMap<>();
        Map<String, Set<String>> suppressedIn = new HashMap<>();
        Map<String, Rationale> rationales = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode r : root.get("rules").elements(problems)) {
            String type = r.get("type").text(problems, true);
            if (type == null) {
                continue;
            }
            RuleKind<?, ?> kind = RuleKinds.ofType(type).orElse(null);
            if (kind == null) {
                problems.add(r.get("type").error("unknown rule type '" + type + "' (supported: "
                        + String.join(", ", RuleKinds.types()) + ")"));
                continue;
            }
            Rule rule = parse(kind, r, registry, problems);
            if (rule == null) {
                continue;
            }
            if (!ids.add(rule.id())) {
                problems.add(r.get("id").error("duplicate rule id '" + rule.id() + "'"));
                continue;
            }
            rules.add(rule);
            // the rule as written is its version: an edited rule starts afresh, an untouched one keeps its state
            // (its rationalization and modes are not how it evaluates)
            versions.put(rule.id(), r.fingerprintWithout(NOT_EVALUATION));
            Set<String> modes = new LinkedHashSet<>(r.get("suppressed-in-modes").texts(problems));
            if (!modes.isEmpty()) {
                suppressedIn.put(rule.id(), modes);
            }
            Rationale why = rationale(r.get("rationale"), problems);
            if (why != null) {
                rationales.put(rule.id(), why);
            }
            for (Map.Entry<String, ConfigNode> e : r.get("rationale-for-points").entries(problems).entrySet()) {
                if (registry != null && registry.point(e.getKey()).isEmpty()) {
                    problems.add(e.getValue().error("unknown point '" + e.getKey() + "'"));
                }
                Rationale forPoint = rationale(e.getValue(), problems);
                if (forPoint != null) {
                    rationales.put(rule.id() + "|" + e.getKey(), forPoint);
                }
            }
        }
        ShelvingPolicy shelving = shelving(root.get("shelving"), problems);
        problems.throwIfAny();
        return RuleSet.builder().rules(rules).versions(versions).shelving(shelving).suppressedInModes(suppressedIn)
                .rationales(rationales).build().ruleSet();
    }

    private static Rationale rationale(ConfigNode n, Problems problems) {
        if (n.isMissing()) {
            return null;
        }
        n.allowOnly(problems, RATIONALE);
        String priority = n.get("priority").text(problems, false);
        if (priority != null && !Set.of("high", "medium", "low").contains(priority)) {
            problems.add(n.get("priority").error("must be high, medium or low, got '" + priority + "'"));
        }
        n.get("response-time").duration(problems, null);
        return Rationale.builder().cause(n.get("cause").text(problems, false))
                .consequence(n.get("consequence").text(problems, false)).action(n.get("action").text(problems, false))
                .responseTime(n.get("response-time").text(problems, false)).priority(priority)
                .alarmClass(n.get("class").text(problems, false)).build();
    }

    /**
     * The version of each rule of a rule file as alerts record it ({@link RuleSet#versionTag}), without checking the
     * file: for reading old versions from the configuration history.
     */
    public static Map<String, String> versionTags(String yaml) {
        Map<String, String> out = new HashMap<>();
        Problems ignored = new Problems();
        ConfigNode root = YamlSource.parse("rules.yaml", yaml).root();
        for (ConfigNode r : root.get("rules").elements(ignored)) {
            String id = r.get("id").text(ignored, false);
            if (id != null) {
                out.put(id, RuleSet.tag(r.fingerprintWithout(NOT_EVALUATION)));
            }
        }
        return out;
    }

    private static ShelvingPolicy shelving(ConfigNode s, Problems problems) {
        if (s.isMissing()) {
            return ShelvingPolicy.DEFAULT;
        }
        s.allowOnly(problems, Set.of("max"));
        ConfigNode max = s.get("max");
        max.allowOnly(problems, Set.of("warn", "alarm", "critical"));
        Map<Level, Duration> byLevel = new EnumMap<>(Level.class);
        for (Level l : Level.values()) {
            ConfigNode n = max.get(l.label());
            Duration d = n.duration(problems, null);
            if (d == null) {
                continue;
            }
            if (d.toMinutes() < 1) {
                problems.add(n.error("must be at least 1m (a shelving is counted in minutes)"));
            } else {
                byLevel.put(l, d);
            }
        }
        return new ShelvingPolicy(byLevel);
    }

    /** The common part of an entry, then the kind's own; null when the entry had any problem. */
    private static Rule parse(RuleKind<?, ?> kind, ConfigNode r, PointRegistry registry, Problems problems) {
        int before = problems.errors().size();
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(kind.keys());
        r.allowOnly(problems, allowed);
        String id = r.get("id").text(problems, true);
        if (id != null && id.startsWith("#")) {
            problems.add(r.get("id").error("may not begin with '#' (such keys are kept for a point's own state)"));
        }
        String d = r.get("description").text(problems, false);
        RuleSelector selector = selector(r.get("match"), registry, problems);
        Rule rule = kind.parse(new RuleEntry(id, d == null ? id : d, selector, r, registry, before), problems);
        return problems.errors().size() > before ? null : rule;
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
        boolean all = "true".equals(m.get("all").text(problems, false));
        if (s.isEmpty() && !all && m.isObject() && problems.errors().size() == before) {
            problems.add(m.error("must name at least one of kind, enterprise, points, tank, zone (or all: true)"));
        }
        return s;
    }
}
