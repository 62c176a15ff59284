package io.parkwatch.rules.group;

import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.PointKind;

/**
 * What a point tells the group rules it belongs to: a trusted reading, or that it fell silent or
 * came back ({@code silent}). Routed by {@code groupKey} (rule and zone, unit or logger).
 */
public record PointSignal(String ruleId, String groupKey, String pointId, String enterpriseId, PointKind kind,
        String unit, String tank, String zone, long timestamp, double value, boolean silent, long receivedAt) {

    public static PointSignal reading(String ruleId, String groupKey, Point p, long ts, double v, long receivedAt) {
        return new PointSignal(ruleId, groupKey, p.id(), p.enterpriseId(), p.kind(), p.unit(), p.tank(), p.zone(), ts,
                v, false, receivedAt);
    }

    public static PointSignal silence(String ruleId, String groupKey, Point p, long lastSeen, boolean silent, long now) {
        return new PointSignal(ruleId, groupKey, p.id(), p.enterpriseId(), p.kind(), p.unit(), p.tank(), p.zone(),
                lastSeen, Double.NaN, silent, now);
    }
}
