package io.parkwatch.rules.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.parkwatch.rules.text.Message;
import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * One step in an alert's life. Ids are derived deterministically from the alert and the step,
 * so a replay after a failure produces the same ids and every consumer can deduplicate.
 *
 * @param eventId       unique id of this event
 * @param alertId       the alert it belongs to
 * @param seq           1 for RAISED, then counting up per alert
 * @param type          what happened
 * @param ruleId        rule that produced it
 * @param pointId       the point
 * @param enterpriseId  the enterprise of the point
 * @param kind          what the point measures
 * @param unit          unit of {@code value} and {@code limit}
 * @param direction     high or low limit
 * @param level         level after this event
 * @param previousLevel level before (for LEVEL_CHANGED), else null
 * @param value         the reading's value that triggered the step
 * @param limit         the limit that was crossed (or cleared)
 * @param eventTime     the triggering reading's timestamp (event time), epoch ms
 * @param detectedAt    wall-clock time the job produced the event, epoch ms
 * @param readingReceivedAt when the gateway accepted the triggering reading, epoch ms
 * @param tank          tank or unit of the point, or null
 * @param zone          zone of the point, or null
 * @param message       a sentence for people, in English (kept for old records and consumers that want one text)
 * @param text          the same sentence as a catalogue key and its arguments, for each reader's own language;
 *                      null on events written before catalogues
 * @param category      process, predictive or data quality
 * @param heldBack      why the alarm is not announced (masked, shelved, out of service, suppressed by mode), or null
 *                      when it is
 * @param heldBackBy    what holds it back: the permit, the shelving reason, the out-of-service reason, the mode;
 *                      written {@code suppressedBy} (a permit) by earlier versions
 * @param actor         who caused a handling event (user, or "escalation"), else null
 * @param note          disposal note, comment, refusal reason, shelving reason, or who was notified, else null
 * @param until         until when (a shelving's expiry, an instrument's expected return), epoch ms, else 0
 * @param ruleVersion   the version of the rule the alert was raised under (a fingerprint of how it evaluates; the
 *                      configuration history says when and by whom it was applied), or null
 * @param recipients    whom an escalation, a reminder or a hand-over calls (person, tier, channels), else empty
 */
@RecordBuilder
public record AlertEvent(
        String eventId,
        String alertId,
        int seq,
        AlertEventType type,
        String ruleId,
        String pointId,
        String enterpriseId,
        PointKind kind,
        String unit,
        Direction direction,
        Level level,
        Level previousLevel,
        double value,
        double limit,
        long eventTime,
        long detectedAt,
        long readingReceivedAt,
        String tank,
        String zone,
        String message,
        Message text,
        AlertCategory category,
        HoldBack heldBack,
        @JsonAlias("suppressedBy") String heldBackBy,
        String actor,
        String note,
        long until,
        String ruleVersion,
        java.util.List<Recipient> recipients) implements AlertEventBuilder.With {

    public AlertEvent {
        recipients = recipients == null ? java.util.List.of() : java.util.List.copyOf(recipients);
        if (heldBack == null && heldBackBy != null) {
            heldBack = HoldBack.MASKED; // an event of an earlier version: only permits held alarms back
        }
    }

    /** A builder that names what it sets ({@code AlertEvent.builder().eventId(..).type(..).build()}). */
    public static AlertEventBuilder builder() {
        return AlertEventBuilder.builder();
    }

    /** The same event, held back from annunciation (still recorded and shown, never dropped). */
    public AlertEvent heldBack(HoldBack why, String by) {
        return with(e -> e.heldBack(why).heldBackBy(by));
    }

    /** Whether people are to be told about it (nothing holds it back). */
    public boolean announced() {
        return heldBack == null;
    }
}
