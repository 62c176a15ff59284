package io.parkwatch.rules.config;

import io.parkwatch.rules.model.Point;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every known point and enterprise of the park, by id. Immutable once loaded. */
public final class PointRegistry {

    private final Park park;
    private final Map<String, Enterprise> enterprises;
    private final Map<String, Point> points;
    private final ModeLookup modes;

    public PointRegistry(Collection<Enterprise> enterprises, Collection<Point> points) {
        this(Park.DEFAULT, enterprises, points);
    }

    public PointRegistry(Park park, Collection<Enterprise> enterprises, Collection<Point> points) {
        this.park = park;
        Map<String, Enterprise> e = new LinkedHashMap<>();
        enterprises.forEach(x -> e.put(x.id(), x));
        Map<String, Point> p = new LinkedHashMap<>();
        points.forEach(x -> p.put(x.id(), x));
        this.enterprises = Map.copyOf(e);
        this.points = java.util.Collections.unmodifiableMap(p);
        this.modes = null;
    }

    private PointRegistry(PointRegistry r, ModeLookup modes) {
        this.park = r.park;
        this.enterprises = r.enterprises;
        this.points = r.points;
        this.modes = modes;
    }

    /** The same points, with the plants' modes over time (which decide whether a plant is shut down). */
    public PointRegistry withModes(ModeLookup m) {
        return new PointRegistry(this, m);
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

    public Collection<Enterprise> enterprises() {
        return enterprises.values();
    }
}
