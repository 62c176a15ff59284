package io.parkwatch.rules.model;

import java.util.Set;

/**
 * Which points a rule watches. Every non-empty criterion must match (AND); within one
 * criterion any listed value matches (OR).
 */
public record RuleSelector(Set<PointKind> kinds, Set<String> enterprises, Set<String> points, Set<String> tanks,
        Set<String> zones) {

    public RuleSelector {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        enterprises = enterprises == null ? Set.of() : Set.copyOf(enterprises);
        points = points == null ? Set.of() : Set.copyOf(points);
        tanks = tanks == null ? Set.of() : Set.copyOf(tanks);
        zones = zones == null ? Set.of() : Set.copyOf(zones);
    }

    public boolean isEmpty() {
        return kinds.isEmpty() && enterprises.isEmpty() && points.isEmpty() && tanks.isEmpty() && zones.isEmpty();
    }

    public boolean matches(Point p) {
        return (kinds.isEmpty() || kinds.contains(p.kind()))
                && (enterprises.isEmpty() || enterprises.contains(p.enterpriseId()))
                && (points.isEmpty() || points.contains(p.id()))
                && (tanks.isEmpty() || (p.tank() != null && tanks.contains(p.tank())))
                && (zones.isEmpty() || (p.zone() != null && zones.contains(p.zone())));
    }
}
