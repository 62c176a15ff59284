package io.parkwatch.rules.maintenance;

import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.HoldBack;
import java.util.List;

/** The maintenance windows in force, and the masking policy. */
public final class MaintenanceSchedule {

    public static final MaintenanceSchedule NONE = new MaintenanceSchedule(List.of());

    private final List<MaintenanceWindow> windows;

    public MaintenanceSchedule(List<MaintenanceWindow> windows) {
        this.windows = List.copyOf(windows);
    }

    public List<MaintenanceWindow> windows() {
        return windows;
    }

    /**
     * Marks an alert update as masked when a window covers its point at the event's time. A level-2
     * (critical) gas alarm is never masked: a real release during work is exactly when it matters.
     */
    public AlertUpdate apply(AlertUpdate u) {
        AlertEvent e = u.event();
        if (windows.isEmpty() || e.type() == AlertEventType.RECOVERED) {
            return u;
        }
        if (HoldBack.neverHeldBack(e.kind(), e.level())) {
            return u;
        }
        for (MaintenanceWindow w : windows) {
            if (w.covers(e.pointId(), e.eventTime())) {
                return new AlertUpdate(e.heldBack(HoldBack.MASKED, w.permit()), u.alert().heldBack(HoldBack.MASKED, w.permit()));
            }
        }
        return u;
    }
}
