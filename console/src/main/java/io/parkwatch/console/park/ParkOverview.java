package io.parkwatch.console.park;

import io.parkwatch.console.auth.ConsoleUser;
import io.parkwatch.rules.config.Enterprise;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertState;
import io.parkwatch.rules.model.Point;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The park at a glance: each enterprise the viewer may see, its tanks and units, each point with its
 * latest reading, and everything marked with its worst current state; plus whether the enterprise's
 * data logger is talking.
 *
 * <p>Status, worst first: CRITICAL, ALARM, WARN (an unclosed alert still active or acknowledged at that
 * level), RECOVERED (back to normal, not yet closed), then an active alarm held back (SHELVED, OUT_OF_SERVICE,
 * SUPPRESSED_BY_MODE, MASKED by a maintenance permit), NORMAL.
 */
public record ParkOverview(long at, List<EnterpriseView> enterprises) {

    public record EnterpriseView(String id, String name, boolean shutDown, String status, int openAlerts,
            LoggerView logger, List<UnitView> units) {
    }

    /** One data logger per enterprise (until loggers are modelled): offline per its alert, or silence. */
    public record LoggerView(String id, boolean offline, String alertId, Long lastReadingAt) {
    }

    public record UnitView(String name, boolean shutDown, String status, List<PointView> points) {
    }

    public record PointView(String id, String name, String kind, String unit, Double value, Long readingAt,
            String quality, String status, String alertId) {
    }

    static final List<String> STATUS_ORDER = List.of("CRITICAL", "ALARM", "WARN", "RECOVERED", "SHELVED",
            "OUT_OF_SERVICE", "SUPPRESSED_BY_MODE", "MASKED", "NORMAL");

    public static ParkOverview of(PointRegistry registry, Collection<Alert> alerts, RecentReadings readings,
            ConsoleUser viewer, long now) {
        // grouped once: a province's overview is a thousand enterprises over a million points
        Map<String, List<Alert>> openByEnterprise = new HashMap<>();
        alerts.stream().filter(a -> a.state() != AlertState.CLOSED)
                .forEach(a -> openByEnterprise.computeIfAbsent(a.enterpriseId(), k -> new ArrayList<>()).add(a));
        List<EnterpriseView> out = new ArrayList<>();
        for (Enterprise e : registry.enterprises()) {
            if (!viewer.sees(e.id())) {
                continue;
            }
            List<Alert> mine = openByEnterprise.getOrDefault(e.id(), List.of());
            Map<String, List<Alert>> minePerPoint = new HashMap<>();
            mine.forEach(a -> minePerPoint.computeIfAbsent(a.pointId(), k -> new ArrayList<>()).add(a));
            Map<String, List<Point>> units = new LinkedHashMap<>();
            registry.pointsOf(e.id()).stream()
                    .sorted(Comparator.comparing(Point::id))
                    .forEach(p -> units.computeIfAbsent(unitOf(p), k -> new ArrayList<>()).add(p));
            List<UnitView> unitViews = new ArrayList<>();
            Long lastReading = null;
            for (Map.Entry<String, List<Point>> u : units.entrySet()) {
                List<PointView> pv = new ArrayList<>();
                for (Point p : u.getValue()) {
                    Optional<RecentReadings.Sample> last = readings.latest(p.id());
                    if (last.isPresent() && (lastReading == null || last.get().t() > lastReading)) {
                        lastReading = last.get().t();
                    }
                    Optional<Alert> worst = worst(minePerPoint.getOrDefault(p.id(), List.of()));
                    pv.add(new PointView(p.id(), p.displayName(), p.kind().fileName(), p.unit(),
                            last.map(RecentReadings.Sample::v).orElse(null), last.map(RecentReadings.Sample::t).orElse(null),
                            last.map(RecentReadings.Sample::quality).orElse(null), status(worst),
                            worst.map(Alert::alertId).orElse(null)));
                }
                Set<String> ids = u.getValue().stream().map(Point::id).collect(Collectors.toSet());
                Optional<Alert> unitWorst = worst(mine.stream()
                        .filter(a -> ids.contains(a.pointId()) || u.getKey().equals(a.tank()) || u.getKey().equals(a.zone()))
                        .toList());
                unitViews.add(new UnitView(u.getKey(), e.shutDown() || e.shutDownUnits().contains(u.getKey()),
                        status(unitWorst), pv));
            }
            Optional<Alert> loggerAlert = mine.stream().filter(a -> a.pointId().startsWith("logger:")
                    && (a.state() == AlertState.ACTIVE || a.state() == AlertState.ACKNOWLEDGED)).findFirst();
            LoggerView logger = new LoggerView("logger:" + e.id(), loggerAlert.isPresent(),
                    loggerAlert.map(Alert::alertId).orElse(null), lastReading);
            out.add(new EnterpriseView(e.id(), e.name(), e.shutDown(), status(worst(mine)), mine.size(), logger,
                    unitViews));
        }
        return new ParkOverview(now, out);
    }

    private static String unitOf(Point p) {
        return p.tank() != null ? p.tank() : p.zone() != null ? p.zone() : "plant";
    }

    static Optional<Alert> worst(List<Alert> alerts) {
        return alerts.stream().min(Comparator.comparingInt(a -> STATUS_ORDER.indexOf(status(Optional.of(a)))));
    }

    static String status(Optional<Alert> alert) {
        if (alert.isEmpty()) {
            return "NORMAL";
        }
        Alert a = alert.get();
        return switch (a.state()) {
            case ACTIVE, ACKNOWLEDGED -> a.level().name();
            case RECOVERED -> "RECOVERED";
            case MASKED, SHELVED, OUT_OF_SERVICE, SUPPRESSED_BY_MODE, SUPPRESSED -> a.state().current().name();
            case CLOSED -> "NORMAL";
        };
    }
}
