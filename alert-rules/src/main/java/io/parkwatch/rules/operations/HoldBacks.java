package io.parkwatch.rules.operations;

import io.parkwatch.rules.maintenance.MaintenanceSchedule;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.HoldBack;
import io.parkwatch.rules.model.Point;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a detected alarm is announced or held back, and why: its instrument out of service, then the
 * plant's operating mode (the rule says in which modes it means nothing), then a maintenance permit. Held-back alarms
 * are still raised, recorded and shown; a recovery always passes; a level-2 gas alarm is never held back.
 */
public final class HoldBacks {

    private final MaintenanceSchedule maintenance;
    private final PlantOperations operations;

    public HoldBacks(MaintenanceSchedule maintenance, PlantOperations operations) {
        this.maintenance = maintenance;
        this.operations = operations;
    }

    /**
     * @param point             the point the alarm is about
     * @param suppressedInModes the modes in which the alarm's rule is suppressed by design
     */
    public AlertUpdate apply(AlertUpdate u, Point point, Set<String> suppressedInModes) {
        AlertEvent e = u.event();
        if (e.type() == AlertEventType.RECOVERED || HoldBack.neverHeldBack(e.kind(), e.level())) {
            return u;
        }
        Optional<OutOfService> oos = operations.outOfService(point.id());
        if (oos.isPresent() && e.eventTime() >= oos.get().since()) {
            return held(u, HoldBack.OUT_OF_SERVICE, oos.get().reason());
        }
        if (!suppressedInModes.isEmpty()) {
            String mode = operations.modeOf(point, e.eventTime());
            if (suppressedInModes.contains(mode)) {
                return held(u, HoldBack.SUPPRESSED_BY_MODE, mode);
            }
        }
        return maintenance.apply(u);
    }

    private static AlertUpdate held(AlertUpdate u, HoldBack why, String by) {
        return new AlertUpdate(u.event().heldBack(why, by), u.alert().heldBack(why, by));
    }
}
