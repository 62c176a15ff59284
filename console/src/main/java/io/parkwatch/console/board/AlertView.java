package io.parkwatch.console.board;

import io.parkwatch.rules.model.Alert;
import java.time.Instant;

/** An alert as the console API shows it: stable field names an integrator can rely on. */
public record AlertView(String id, String point, String enterprise, String rule, String level, String state,
        String raisedAt, String updatedAt, double lastValue, double peakValue, String unit, String kind,
        String direction, String tank, String zone, String message, String lastEvent, String category,
        String suppressedBy, String acknowledgedBy, String acknowledgedAt, String closedBy, String closeNote,
        int repeatCount, String notified) {

    public static AlertView of(Alert a) {
        Alert.Handling h = a.handlingOrNew();
        return new AlertView(a.alertId(), a.pointId(), a.enterpriseId(), a.ruleId(), a.level().name(),
                a.state().name(), Instant.ofEpochMilli(a.raisedAt()).toString(),
                Instant.ofEpochMilli(a.updatedAt()).toString(), a.lastValue(), a.peakValue(), a.unit(),
                a.kind().fileName(), a.direction().name(), a.tank(), a.zone(), a.message(),
                a.lastEventType() == null ? null : a.lastEventType().name(),
                a.category() == null ? null : a.category().name(), a.suppressedBy(), h.acknowledgedBy(),
                h.acknowledged() ? Instant.ofEpochMilli(h.acknowledgedAt()).toString() : null, h.closedBy(),
                h.closeNote(), h.repeatCount(), h.notified());
    }
}
