package io.parkwatch.rules.maintenance;

import java.util.Set;

/**
 * Work under a permit (作业票): the listed points are masked from {@code from} to {@code to} (epoch ms).
 * Masked alerts are still raised, recorded and shown, as MASKED.
 */
public record MaintenanceWindow(String permit, Set<String> points, long from, long to, String reason) {

    public MaintenanceWindow {
        points = Set.copyOf(points);
    }

    public boolean covers(String pointId, long at) {
        return at >= from && at < to && points.contains(pointId);
    }
}
