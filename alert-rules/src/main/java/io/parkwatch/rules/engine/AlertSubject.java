package io.parkwatch.rules.engine;

import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.PointKind;

/**
 * What an alert is about: one point, or a group of points (a zone for voting, a tank or unit for a
 * composite rule, a data logger). Group subjects use ids like {@code zone:HX-Z1}.
 */
public record AlertSubject(String id, String enterpriseId, PointKind kind, String unit, String tank, String zone,
        String name) {

    /** The same subject with values in another unit (a rate rule reports per minute). */
    public AlertSubject withUnit(String otherUnit) {
        return new AlertSubject(id, enterpriseId, kind, otherUnit, tank, zone, name);
    }

    public static AlertSubject of(Point p) {
        return new AlertSubject(p.id(), p.enterpriseId(), p.kind(), p.unit(), p.tank(), p.zone(), p.displayName());
    }
}
