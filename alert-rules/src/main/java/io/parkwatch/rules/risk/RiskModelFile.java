package io.parkwatch.rules.risk;

import io.parkwatch.rules.config.ConfigNode;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the risk model (config/risk.yaml): every mistake of the file at once, with its line and field. A missing
 * section takes the shipped defaults; what is there must be right.
 */
public final class RiskModelFile {

    private static final Set<String> TOP = Set.of("colours", "hazard-sources", "alarms", "modes", "special-operations",
            "commitment", "park", "evaluate-every", "data-quality");

    /** The shipped model (the defaults of config/risk.yaml). */
    public static final RiskModel DEFAULT = parse(YamlSource.parse("risk.yaml", "{}"));

    private RiskModelFile() {
    }

    public static RiskModel parse(YamlSource src) {
        return parse(src, null);
    }

    /** With the operating modes the park knows ({@code running, start-up, ...} and its own), or null not to check. */
    public static RiskModel parse(YamlSource src, Set<String> knownModes) {
        Problems p = new Problems();
        ConfigNode root = src.root();
        root.allowOnly(p, TOP);

        ConfigNode colours = root.get("colours");
        colours.allowOnly(p, Set.of("yellow", "orange", "red", "deadband"));
        double yellow = points(colours, "yellow", 30, p);
        double orange = points(colours, "orange", 60, p);
        double red = points(colours, "red", 100, p);
        if (!(yellow < orange && orange < red)) {
            p.add(colours.error("the colours must begin in order: yellow " + yellow + " < orange " + orange
                    + " < red " + red));
        }
        double deadband = points(colours, "deadband", 5, p);

        ConfigNode hs = root.get("hazard-sources");
        hs.allowOnly(p, Set.of("grade-1", "grade-2", "grade-3", "grade-4"));
        double[] grades = {0, points(hs, "grade-1", 25, p), points(hs, "grade-2", 18, p), points(hs, "grade-3", 12, p),
                points(hs, "grade-4", 6, p)};

        ConfigNode a = root.get("alarms");
        a.allowOnly(p, Set.of("warn", "alarm", "critical", "kinds", "unanswered", "data", "logger-offline",
                "shut-down-activity"));
        Map<Level, Double> alarms = new EnumMap<>(Level.class);
        alarms.put(Level.WARN, points(a, "warn", 3, p));
        alarms.put(Level.ALARM, points(a, "alarm", 12, p));
        alarms.put(Level.CRITICAL, points(a, "critical", 35, p));
        Map<PointKind, Double> kinds = new EnumMap<>(PointKind.class);
        if (a.has("kinds")) {
            a.get("kinds").entries(p).forEach((k, v) -> {
                try {
                    kinds.put(PointKind.parse(k), positive(v, p, 1));
                } catch (IllegalArgumentException e) {
                    p.add(v.error("unknown kind '" + k + "' (expected one of " + PointKind.allNames() + ")"));
                }
            });
        } else {
            kinds.put(PointKind.GAS_LEL, 1.5);
            kinds.put(PointKind.GAS_TOXIC, 2.0);
        }
        List<RiskModel.Step> unanswered = new ArrayList<>();
        if (a.has("unanswered")) {
            for (ConfigNode s : a.get("unanswered").elements(p)) {
                s.allowOnly(p, Set.of("after", "add"));
                if (!s.has("after")) {
                    p.add(s.get("after").error("is required"));
                }
                unanswered.add(new RiskModel.Step(s.get("after").duration(p, Duration.ZERO), points(s, "add", 0, p)));
            }
            for (int i = 1; i < unanswered.size(); i++) {
                if (unanswered.get(i).after().compareTo(unanswered.get(i - 1).after()) <= 0) {
                    p.add(a.get("unanswered").elements(p).get(i).get("after").error("steps must be in increasing order"));
                }
            }
        } else {
            unanswered.add(new RiskModel.Step(Duration.ofMinutes(5), 5));
            unanswered.add(new RiskModel.Step(Duration.ofMinutes(15), 15));
            unanswered.add(new RiskModel.Step(Duration.ofMinutes(30), 30));
        }
        double data = points(a, "data", 2, p);
        double loggerOffline = points(a, "logger-offline", 10, p);
        double shutDownActivity = points(a, "shut-down-activity", 30, p);

        Map<String, Double> modes = named(root.get("modes"), Map.of("start-up", 15.0, "turnaround", 20.0), p);
        if (knownModes != null) {
            for (String m : modes.keySet()) {
                if (!knownModes.contains(m)) {
                    p.add(root.get("modes").get(m).error("unknown operating mode '" + m + "' (the park's modes: "
                            + String.join(", ", new java.util.TreeSet<>(knownModes)) + ")"));
                }
            }
        }
        Map<String, Double> ops = named(root.get("special-operations"), Map.of("hot-work", 10.0,
                "confined-space", 10.0, "lifting", 5.0, "other", 5.0), p);
        double other = ops.containsKey("other") ? ops.remove("other") : 5;

        ConfigNode c = root.get("commitment");
        c.allowOnly(p, Set.of("due", "missing", "late"));
        LocalTime due = LocalTime.of(9, 0);
        String dueText = c.get("due").text(p, false);
        if (dueText != null) {
            try {
                due = LocalTime.parse(dueText);
            } catch (DateTimeParseException e) {
                p.add(c.get("due").error("must be a time of day such as \"09:00\", not '" + dueText + "'"));
            }
        }
        double missing = points(c, "missing", 20, p);
        double late = points(c, "late", 5, p);

        ConfigNode pk = root.get("park");
        pk.allowOnly(p, Set.of("yellow", "orange", "red"));
        Map<RiskColour, Double> park = new EnumMap<>(RiskColour.class);
        park.put(RiskColour.BLUE, 0.0);
        park.put(RiskColour.YELLOW, points(pk, "yellow", 5, p));
        park.put(RiskColour.ORANGE, points(pk, "orange", 15, p));
        park.put(RiskColour.RED, points(pk, "red", 30, p));

        ConfigNode dq = root.get("data-quality");
        dq.allowOnly(p, Set.of("online-rate-below", "online-rate", "completeness-below", "completeness"));
        double onlineBelow = rate(dq, "online-rate-below", 0.9, p);
        double completeBelow = rate(dq, "completeness-below", 0.9, p);
        double onlineAdd = points(dq, "online-rate", 10, p);
        double completeAdd = points(dq, "completeness", 5, p);

        Duration every = root.get("evaluate-every").duration(p, Duration.ofSeconds(30));
        if (every.isNegative() || every.isZero()) {
            p.add(root.get("evaluate-every").error("must be positive"));
        }
        p.throwIfAny();
        return new RiskModel(yellow, orange, red, deadband, grades, alarms, kinds, List.copyOf(unanswered), data,
                loggerOffline, shutDownActivity, Map.copyOf(modes), Map.copyOf(ops), other, due, missing, park, every,
                onlineBelow, onlineAdd, completeBelow, completeAdd, late);
    }

    private static double points(ConfigNode parent, String field, double fallback, Problems p) {
        return parent.has(field) ? positive(parent.get(field), p, fallback) : fallback;
    }

    /** A share, 0 to 1. */
    private static double rate(ConfigNode parent, String field, double fallback, Problems p) {
        double v = points(parent, field, fallback, p);
        if (v > 1) {
            p.add(parent.get(field).error("must be a share from 0 to 1 (0.9 for 90 %), got " + v));
            return fallback;
        }
        return v;
    }

    private static double positive(ConfigNode n, Problems p, double fallback) {
        Double v = n.number(p, true);
        if (v == null) {
            return fallback;
        }
        if (v < 0) {
            p.add(n.error("must not be negative, got " + v));
            return fallback;
        }
        return v;
    }

    private static Map<String, Double> named(ConfigNode n, Map<String, Double> fallback, Problems p) {
        if (n.isMissing()) {
            return new LinkedHashMap<>(fallback);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        n.entries(p).forEach((k, v) -> out.put(k, positive(v, p, 0)));
        return out;
    }
}
