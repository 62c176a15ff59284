package io.parkwatch.rules.operations;

import io.parkwatch.rules.config.Enterprise;
import io.parkwatch.rules.config.ModeLookup;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.model.Point;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the plants are being operated: the mode of each enterprise, tank or unit over time, and the instruments out of
 * service. The mode of a point at a time is the latest change at or before it for its tank or unit or for its
 * enterprise (the last order given wins; the tank's on a tie); with no change, what points.yaml says (a plant or unit
 * listed as shut down is in the shut-down mode, everything else is running).
 */
public final class PlantOperations implements ModeLookup {

    /** The modes every park has; a park adds its own in the operations file. */
    public static final List<String> STANDARD_MODES = List.of(RUNNING, "start-up", SHUT_DOWN, "turnaround");

    public static final PlantOperations NONE = new PlantOperations(List.of(), List.of(), List.of(), null);

    private final Set<String> modes;
    private final List<ModeChange> changes;
    private final Map<String, OutOfService> outOfService;
    private final PointRegistry registry;

    /**
     * @param extraModes   the park's own modes
     * @param changes      planned and ordered changes, any order
     * @param outOfService instruments out of service
     * @param registry     for the modes points.yaml declares (shut-down plants and units), or null
     */
    public PlantOperations(List<String> extraModes, List<ModeChange> changes, List<OutOfService> outOfService,
            PointRegistry registry) {
        Set<String> m = new LinkedHashSet<>(STANDARD_MODES);
        m.addAll(extraModes);
        this.modes = Set.copyOf(m);
        List<ModeChange> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparingLong(ModeChange::at));
        this.changes = List.copyOf(sorted);
        Map<String, OutOfService> oos = new LinkedHashMap<>();
        outOfService.forEach(o -> oos.put(o.pointId(), o));
        this.outOfService = java.util.Collections.unmodifiableMap(oos);
        this.registry = registry;
    }

    public Set<String> modes() {
        return modes;
    }

    public List<ModeChange> changes() {
        return changes;
    }

    public Map<String, OutOfService> outOfService() {
        return outOfService;
    }

    public Optional<OutOfService> outOfService(String pointId) {
        return Optional.ofNullable(outOfService.get(pointId));
    }

    /** The same operations read with the declarations of this registry. */
    public PlantOperations with(PointRegistry r) {
        return new PlantOperations(extraModes(), changes, List.copyOf(outOfService.values()), r);
    }

    /**
     * The same operations with an ordered change added. Changes it makes history of (earlier ones for the same
     * subject, before the one in force) are dropped: the config history keeps every version.
     */
    public PlantOperations withChange(ModeChange c) {
        List<ModeChange> kept = new ArrayList<>();
        for (ModeChange x : changes) {
            boolean superseded = x.subject().equals(c.subject()) && x.at() <= c.at();
            if (!superseded) {
                kept.add(x);
            }
        }
        kept.add(c);
        return new PlantOperations(extraModes(), kept, List.copyOf(outOfService.values()), registry);
    }

    /** The same operations with an instrument taken out of service (replacing an earlier entry for it). */
    public PlantOperations withOutOfService(OutOfService o) {
        Map<String, OutOfService> next = new LinkedHashMap<>(outOfService);
        next.put(o.pointId(), o);
        return new PlantOperations(extraModes(), changes, List.copyOf(next.values()), registry);
    }

    /** The same operations with an instrument back in service. */
    public PlantOperations returnedToService(String pointId) {
        Map<String, OutOfService> next = new LinkedHashMap<>(outOfService);
        next.remove(pointId);
        return new PlantOperations(extraModes(), changes, List.copyOf(next.values()), registry);
    }

    private List<String> extraModes() {
        return modes.stream().filter(m -> !STANDARD_MODES.contains(m)).sorted().toList();
    }

    @Override
    public String modeOf(Point p, long at) {
        return modeOf(p.enterpriseId(), p.tank(), at);
    }

    /** The mode of an enterprise ({@code unit} null) or of one of its tanks or units at a time. */
    public String modeOf(String enterpriseId, String unit, long at) {
        ModeChange latest = null;
        for (ModeChange c : changes) {
            if (c.at() > at) {
                break;
            }
            boolean mine = c.subject().equals(enterpriseId) || (unit != null && c.subject().equals(unit));
            if (mine && (latest == null || c.at() > latest.at() || c.subject().equals(unit))) {
                latest = c;
            }
        }
        if (latest != null) {
            return latest.mode();
        }
        return declared(enterpriseId, unit);
    }

    /** The change in force for a subject at a time, if any. */
    public Optional<ModeChange> changeInForce(String subject, long at) {
        ModeChange latest = null;
        for (ModeChange c : changes) {
            if (c.at() <= at && c.subject().equals(subject)) {
                latest = c;
            }
        }
        return Optional.ofNullable(latest);
    }

    private String declared(String enterpriseId, String unit) {
        if (registry == null) {
            return RUNNING;
        }
        Optional<Enterprise> e = registry.enterprise(enterpriseId);
        boolean down = e.isPresent() && (e.get().shutDown() || (unit != null && e.get().shutDownUnits().contains(unit)));
        return down ? SHUT_DOWN : RUNNING;
    }
}
