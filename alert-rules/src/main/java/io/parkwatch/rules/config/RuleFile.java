package io.parkwatch.rules.config;

import io.parkwatch.rules.group.CompositeRule;
import io.parkwatch.rules.group.StaleRule;
import io.parkwatch.rules.group.VotingRule;
import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.quality.QualityRule;
import io.parkwatch.rules.quality.StuckRule;
import io.parkwatch.rules.rate.RateRule;
import io.parkwatch.rules.shutdown.ShutdownActivityRule;
import io.parkwatch.rules.trend.TrendRule;
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
 * Other types: rate, trend, stuck, quality, stale, voting, composite, shutdown-activity; see
 * docs/rules.md for one example of each. With a registry, point ids in {@code match.points} must exist.
 */
public final class RuleFile {

    private static final Set<String> TOP = Set.of("rules");
    private static final Set<String> THRESHOLD = Set.of("id", "type", "description", "match", "high", "low",
            "deadband", "on-delay", "off-delay");
    private static final Set<String> MATCH = Set.of("all", "kind", "enterprise", "points", "tank", "zone");
    private static final Set<String> LEVELS = Set.of("warn", "alarm", "critical");
    private static final Set<String> COMMON = Set.of("id", "type", "description", "match");
    private static final java.util.Map<String, Set<String>> FIELDS = java.util.Map.of(
            "threshold", THRESHOLD,
            "rate", Set.of("direction", "per-minute", "window", "hold", "deadband", "off-delay"),
            "trend", Set.of("direction", "limit", "window", "horizon", "significance", "hold", "off-delay", "level"),
            "stuck", Set.of("band-percent", "for", "level"),
            "quality", Set.of("flags", "range", "on-delay", "level"),
            "stale", Set.of("intervals", "level"),
            "voting", Set.of("k", "at-or-above", "deadband", "hold", "level"),
            "composite", Set.of("all", "window", "hold", "level"),
            "shutdown-activity", Set.of("rise-per-minute", "window", "hold", "level"));
    private static final java.util.List<String> TYPES = java.util.List.of("threshold", "rate", "trend", "stuck",
            "quality", "stale", "voting", "composite", "shutdown-activity");

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
        java.util.Map<String, Integer> versions = new java.util.HashMap<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode r : root.get("rules").elements(problems)) {
            String type = r.get("type").text(problems, true);
            if (type == null) {
                continue;
            }
            if (!TYPES.contains(type)) {
                problems.add(r.get("type").error("unknown rule type '" + type + "' (supported: "
                        + String.join(", ", TYPES) + ")"));
                continue;
            }
            Rule rule = type.equals("threshold") ? threshold(r, registry, problems) : other(type, r, registry, problems);
            if (rule == null) {
                continue;
            }
            if (!ids.add(rule.id())) {
                problems.add(r.get("id").error("duplicate rule id '" + rule.id() + "'"));
                continue;
            }
            rules.add(rule);
            // the rule as written is its version: an edited rule starts afresh, an untouched one keeps its state
            versions.put(rule.id(), r.fingerprint());
        }
        problems.throwIfAny();
        return new RuleSet(rules, versions);
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

    private static Rule other(String type, ConfigNode r, PointRegistry registry, Problems problems) {
        int before = problems.errors().size();
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(FIELDS.get(type));
        r.allowOnly(problems, allowed);
        String id = r.get("id").text(problems, true);
        String d = r.get("description").text(problems, false);
        String description = d == null ? id : d;
        RuleSelector sel = selector(r.get("match"), registry, problems);
        Rule rule = switch (type) {
            case "rate" -> new RateRule(id, description, sel, direction(r.get("direction"), problems),
                    limits(r.get("per-minute"), true, problems), required(r, "window", problems),
                    r.get("hold").duration(problems, Duration.ZERO), positive(r, "deadband", 0, problems),
                    r.get("off-delay").duration(problems, Duration.ZERO));
            case "trend" -> new TrendRule(id, description, sel, direction(r.get("direction"), problems),
                    number(r, "limit", null, problems), required(r, "window", problems),
                    required(r, "horizon", problems), positive(r, "significance", 4, problems),
                    r.get("hold").duration(problems, Duration.ZERO),
                    r.get("off-delay").duration(problems, Duration.ofSeconds(30)), level(r, Level.WARN, problems));
            case "stuck" -> new StuckRule(id, description, sel, positive(r, "band-percent", 2, problems),
                    required(r, "for", problems), level(r, Level.WARN, problems));
            case "quality" -> new QualityRule(id, description, sel, flags(r.get("flags"), problems),
                    !"false".equals(r.get("range").text(problems, false)),
                    r.get("on-delay").duration(problems, Duration.ZERO), level(r, Level.WARN, problems));
            case "stale" -> new StaleRule(id, description, sel, positive(r, "intervals", 3, problems),
                    level(r, Level.WARN, problems));
            case "voting" -> new VotingRule(id, description, sel, (int) positive(r, "k", 2, problems),
                    number(r, "at-or-above", null, problems), positive(r, "deadband", 0, problems),
                    r.get("hold").duration(problems, Duration.ZERO), level(r, Level.CRITICAL, problems));
            case "composite" -> new CompositeRule(id, description, sel, conditions(r.get("all"), problems),
                    r.get("window").duration(problems, Duration.ofMinutes(1)),
                    r.get("hold").duration(problems, Duration.ZERO), level(r, Level.CRITICAL, problems));
            case "shutdown-activity" -> new ShutdownActivityRule(id, description, sel,
                    number(r, "rise-per-minute", null, problems), r.get("window").duration(problems, Duration.ofMinutes(5)),
                    r.get("hold").duration(problems, Duration.ofMinutes(1)), level(r, Level.ALARM, problems));
            default -> null;
        };
        if (rule instanceof VotingRule v && v.k() < 2 && problems.errors().size() == before) {
            problems.add(r.get("k").error("must be at least 2 (one detector alone is a threshold rule)"));
        }
        return problems.errors().size() > before ? null : rule;
    }

    private static Duration required(ConfigNode r, String field, Problems problems) {
        if (!r.has(field)) {
            problems.add(r.get(field).error("is required"));
            return Duration.ZERO;
        }
        Duration d = r.get(field).duration(problems, Duration.ZERO);
        if (d.isZero() || d.isNegative()) {
            problems.add(r.get(field).error("must be positive"));
        }
        return d;
    }

    private static double number(ConfigNode r, String field, Double fallback, Problems problems) {
        Double v = r.get(field).number(problems, fallback == null);
        return v != null ? v : fallback == null ? 0 : fallback;
    }

    private static double positive(ConfigNode r, String field, double fallback, Problems problems) {
        Double v = r.get(field).number(problems, false);
        if (v != null && v < 0) {
            problems.add(r.get(field).error("must not be negative"));
        }
        return v == null ? fallback : v;
    }

    private static Direction direction(ConfigNode n, Problems problems) {
        String s = n.text(problems, false);
        if (s == null || s.equals("rise")) {
            return Direction.HIGH;
        }
        if (s.equals("fall")) {
            return Direction.LOW;
        }
        problems.add(n.error("must be 'rise' or 'fall', got '" + s + "'"));
        return Direction.HIGH;
    }

    private static Level level(ConfigNode r, Level fallback, Problems problems) {
        String s = r.get("level").text(problems, false);
        if (s == null) {
            return fallback;
        }
        try {
            return Level.parse(s);
        } catch (IllegalArgumentException e) {
            problems.add(r.get("level").error(e.getMessage()));
            return fallback;
        }
    }

    private static Set<Quality> flags(ConfigNode n, Problems problems) {
        if (n.isMissing()) {
            return QualityRule.DEFAULT_FLAGS;
        }
        Set<Quality> out = new java.util.LinkedHashSet<>();
        for (String f : n.texts(problems)) {
            try {
                out.add(Quality.parse(f));
            } catch (IllegalArgumentException e) {
                problems.add(n.error(e.getMessage()));
            }
        }
        return out;
    }

    private static List<CompositeRule.Condition> conditions(ConfigNode n, Problems problems) {
        List<CompositeRule.Condition> out = new ArrayList<>();
        if (n.isMissing()) {
            problems.add(n.error("is required: a list of conditions like {kind: temperature, rate-above: 1}"));
            return out;
        }
        List<ConfigNode> items = n.elements(problems);
        if (n.isArray() && items.size() < 2) {
            problems.add(n.error("needs at least two conditions (one alone is a threshold or rate rule)"));
        }
        for (ConfigNode c : items) {
            c.allowOnly(problems, Set.of("kind", "value-above", "rate-above"));
            String k = c.get("kind").text(problems, true);
            PointKind kind = null;
            if (k != null) {
                try {
                    kind = PointKind.parse(k);
                } catch (IllegalArgumentException e) {
                    problems.add(c.get("kind").error(e.getMessage() + " (expected one of " + PointKind.allNames() + ")"));
                }
            }
            Double value = c.get("value-above").number(problems, false);
            Double rate = c.get("rate-above").number(problems, false);
            if (value == null && rate == null && c.isObject()) {
                problems.add(c.error("needs value-above or rate-above"));
            }
            if (kind != null) {
                out.add(new CompositeRule.Condition(kind, value, rate));
            }
        }
        return out;
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
