package io.parkwatch.rules.engine;

import io.parkwatch.rules.config.ConfigNode;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.Level;
import java.time.Duration;
import java.util.Set;

/** Reading the fields several kinds share (durations, numbers, directions, levels, limits), each with its checks. */
public final class RuleFields {

    private static final Set<String> LEVELS = Set.of("warn", "alarm", "critical");

    private RuleFields() {
    }

    /** A duration that must be there and positive. */
    public static Duration required(ConfigNode r, String field, Problems problems) {
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

    /** A number; required when there is no fallback. */
    public static double number(ConfigNode r, String field, Double fallback, Problems problems) {
        Double v = r.get(field).number(problems, fallback == null);
        return v != null ? v : fallback == null ? 0 : fallback;
    }

    /** A number that must not be negative, or the fallback. */
    public static double positive(ConfigNode r, String field, double fallback, Problems problems) {
        Double v = r.get(field).number(problems, false);
        if (v != null && v < 0) {
            problems.add(r.get(field).error("must not be negative"));
        }
        return v == null ? fallback : v;
    }

    /** {@code rise} (the default) or {@code fall}. */
    public static Direction direction(ConfigNode n, Problems problems) {
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

    /** The rule's {@code level}, or the kind's default. */
    public static Level level(ConfigNode r, Level fallback, Problems problems) {
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

    /** Limits by level ({@code warn}, {@code alarm}, {@code critical}), growing in severity away from normal. */
    public static Limits limits(ConfigNode n, boolean high, Problems problems) {
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
