package io.parkwatch.rules.config;

import io.parkwatch.rules.model.Point;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Every known point and enterprise of the park, by id. Immutable once loaded. */
public final class PointRegistry {

    private final Park park;
    private final Map<String, Enterprise> enterprises;
    private final Map<String, Point> points;
    private final ModeLookup modes;
    private final List<HazardSource> hazardSources;
    /** What was worked out from all the points once, by what asked (see {@link #overAllPoints}). */
    private final Map<Object, Object> overPoints;

    public PointRegistry(Collection<Enterprise> enterprises, Collection<Point> points) {
        this(Park.DEFAULT, enterprises, points);
    }

    public PointRegistry(Park park, Collection<Enterprise> enterprises, Collection<Point> points) {
        this.park = park;
        Map<String, Enterprise> e = new LinkedHashMap<>();
        enterprises.forEach(x -> e.put(x.id(), x));
        Map<String, Point> p = new LinkedHashMap<>();
        points.forEach(x -> p.put(x.id(), x));
        this.enterprises = java.util.Collections.unmodifiableMap(e); // in the file's order
        this.points = java.util.Collections.unmodifiableMap(p);
        this.modes = null;
        this.hazardSources = List.of();
        this.overPoints = new ConcurrentHashMap<>();
    }

    private PointRegistry(PointRegistry r, ModeLookup modes, List<HazardSource> hazardSources) {
        this.park = r.park;
        this.enterprises = r.enterprises;
        this.points = r.points;
        this.modes = modes;
        this.hazardSources = List.copyOf(hazardSources);
        this.overPoints = r.overPoints; // the same points
    }

    /** The same points, with the plants' modes over time (which decide whether a plant is shut down). */
    public PointRegistry withModes(ModeLookup m) {
        return new PointRegistry(this, m, hazardSources);
    }

    /** The same points, with the enterprises' major hazard sources. */
    public PointRegistry withHazardSources(List<HazardSource> sources) {
        return new PointRegistry(this, modes, sources);
    }

    /** The major hazard sources (重大危险源), in the order the registry lists them. */
    public List<HazardSource> hazardSources() {
        return hazardSources;
    }

    public Optional<HazardSource> hazardSource(String id) {
        return hazardSources.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    /** The units (tanks) the enterprise's points name, in registry order. */
    public List<String> unitsOf(String enterpriseId) {
        return pointsOf(enterpriseId).stream().map(Point::tank).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** The enterprise's points, in registry order (grouped once: asked per enterprise every hour, in parks of many). */
    public List<Point> pointsOf(String enterpriseId) {
        Map<String, List<Point>> byEnterprise = overAllPoints(PointsByEnterprise.KEY, all -> {
            Map<String, List<Point>> out = new LinkedHashMap<>();
            all.forEach(p -> out.computeIfAbsent(p.enterpriseId(), e -> new java.util.ArrayList<>()).add(p));
            out.replaceAll((e, list) -> List.copyOf(list));
            return out;
        });
        return byEnterprise.getOrDefault(enterpriseId, List.of());
    }

    private enum PointsByEnterprise {
        KEY
    }

    /** The park: its name and time zone. */
    public Park park() {
        return park;
    }

    public Optional<Point> point(String id) {
        return Optional.ofNullable(points.get(id));
    }

    public Optional<Enterprise> enterprise(String id) {
        return Optional.ofNullable(enterprises.get(id));
    }

    /** True when the point's plant, or its tank or unit, is in the shut-down mode at that time. */
    public boolean isShutDown(Point p, long at) {
        return modes == null ? isShutDown(p) : ModeLookup.SHUT_DOWN.equals(modes.modeOf(p, at));
    }

    /** The operating mode of the point's plant or unit at that time (without modes: what the points file says). */
    public String modeOf(Point p, long at) {
        if (modes != null) {
            return modes.modeOf(p, at);
        }
        return isShutDown(p) ? ModeLookup.SHUT_DOWN : ModeLookup.RUNNING;
    }

    /** True when the point's plant, or its tank or unit, is marked shut down in the points file. */
    public boolean isShutDown(Point p) {
        Enterprise e = enterprises.get(p.enterpriseId());
        return e != null && (e.shutDown() || (p.tank() != null && e.shutDownUnits().contains(p.tank())));
    }

    public Collection<Point> points() {
        return points.values();
    }

    /**
     * A figure over all the points (how many points a data logger's stale rule watches, say), worked out the first
     * time it is asked for and kept: the points of a registry never change, and a province's registry is a million
     * points that a silent logger's every signal would otherwise walk. {@code key} says what is asked (a record of the
     * rule and the question); the same key gives the same figure.
     */
    @SuppressWarnings("unchecked")
    public <T> T overAllPoints(Object key, Function<Collection<Point>, T> workOut) {
        return (T) overPoints.computeIfAbsent(key, k -> workOut.apply(points.values()));
    }

    public Collection<Enterprise> enterprises() {
        return enterprises.values();
    }
}
