package io.parkwatch.console.board;

import io.parkwatch.console.history.AlertHistory;
import io.parkwatch.rules.lifecycle.Contact;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;

/**
 * An alert as the console API shows it: stable field names an integrator can rely on. {@code message} is in the
 * reader's language; {@code text} is the same sentence as a catalogue key and arguments (null for alerts raised
 * before catalogues, whose message is the English one they were stored with).
 */
@RecordBuilder
public record AlertView(String id, String point, String enterprise, String rule, String level, String state,
        String raisedAt, String updatedAt, double lastValue, double peakValue, String unit, String kind,
        String direction, String tank, String zone, String message, Message text, String lastEvent, String category,
        String heldBack, String heldBackBy, String acknowledgedBy, String acknowledgedAt, String closedBy,
        String closeNote, int repeatCount, String notified, String shelvedBy, String shelvedUntil,
        String shelveReason) {

    public static AlertView of(Alert a, Catalogue language) {
        return of(a, language, (AlertEvent) null);
    }

    /** With the shelving of its alarm, as the alert events tell it (the alert itself does not carry it). */
    public static AlertView of(Alert a, Catalogue language, AlertHistory history) {
        return of(a, language, a.state() == io.parkwatch.rules.model.AlertState.CLOSED ? null
                : history.shelving(a.key()).orElse(null));
    }

    /** @param shelved the SHELVED event in force for its alarm, or null */
    public static AlertView of(Alert a, Catalogue language, AlertEvent shelved) {
        Alert.Handling h = a.handlingOrNew();
        return AlertViewBuilder.builder().id(a.alertId()).point(a.pointId()).enterprise(a.enterpriseId())
                .rule(a.ruleId()).level(a.level().name()).state(a.state().name())
                .raisedAt(Instant.ofEpochMilli(a.raisedAt()).toString())
                .updatedAt(Instant.ofEpochMilli(a.updatedAt()).toString()).lastValue(a.lastValue())
                .peakValue(a.peakValue()).unit(a.unit()).kind(a.kind().fileName()).direction(a.direction().name())
                .tank(a.tank()).zone(a.zone()).message(a.text() == null ? a.message() : language.render(a.text())).text(a.text())
                .lastEvent(a.lastEventType() == null ? null : a.lastEventType().name())
                .category(a.category() == null ? null : a.category().name()).heldBack(a.heldBack() == null ? null : a.heldBack().name()).heldBackBy(a.heldBackBy())
                .acknowledgedBy(h.acknowledgedBy())
                .acknowledgedAt(h.acknowledged() ? Instant.ofEpochMilli(h.acknowledgedAt()).toString() : null)
                .closedBy(h.closedBy()).closeNote(h.closeNote()).repeatCount(h.repeatCount()).notified(Contact.localized(h.notified(), language))
                .shelvedBy(shelved == null ? null : shelved.actor())
                .shelvedUntil(shelved == null ? null : Instant.ofEpochMilli(shelved.until()).toString())
                .shelveReason(shelved == null ? null : shelved.note())
                .build();
    }

    /** An event with its message in the reader's language (events before catalogues keep their English one). */
    public static AlertEvent readable(AlertEvent e, Catalogue language) {
        AlertEvent shown = e.type() == AlertEventType.ESCALATED ? e.withNote(Contact.localized(e.note(), language)) : e;
        return e.text() == null ? shown : shown.withMessage(language.render(e.text()));
    }
}
