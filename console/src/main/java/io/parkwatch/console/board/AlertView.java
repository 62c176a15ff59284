package io.parkwatch.console.board;

import io.parkwatch.rules.model.Alert;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;

/** An alert as the console API shows it: stable field names an integrator can rely on. */
@RecordBuilder
public record AlertView(String id, String point, String enterprise, String rule, String level, String state,
        String raisedAt, String updatedAt, double lastValue, double peakValue, String unit, String kind,
        String direction, String tank, String zone, String message, String lastEvent, String category,
        String suppressedBy, String acknowledgedBy, String acknowledgedAt, String closedBy, String closeNote,
        int repeatCount, String notified) {

    public static AlertView of(Alert a) {
        Alert.Handling h = a.handlingOrNew();
        return AlertViewBuilder.builder().id(a.alertId()).point(a.pointId()).enterprise(a.enterpriseId())
                .rule(a.ruleId()).level(a.level().name()).state(a.state().name())
                .raisedAt(Instant.ofEpochMilli(a.raisedAt()).toString())
                .updatedAt(Instant.ofEpochMilli(a.updatedAt()).toString()).lastValue(a.lastValue())
                .peakValue(a.peakValue()).unit(a.unit()).kind(a.kind().fileName()).direction(a.direction().name())
                .tank(a.tank()).zone(a.zone()).message(a.message())
                .lastEvent(a.lastEventType() == null ? null : a.lastEventType().name())
                .category(a.category() == null ? null : a.category().name()).suppressedBy(a.suppressedBy())
                .acknowledgedBy(h.acknowledgedBy())
                .acknowledgedAt(h.acknowledged() ? Instant.ofEpochMilli(h.acknowledgedAt()).toString() : null)
                .closedBy(h.closedBy()).closeNote(h.closeNote()).repeatCount(h.repeatCount()).notified(h.notified())
                .build();
    }
}
