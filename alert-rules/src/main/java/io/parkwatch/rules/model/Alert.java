package io.parkwatch.rules.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.parkwatch.rules.text.Message;
import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * The current state of one alert: what a console shows in a board row, and what the compacted
 * alerts topic keeps per alert id. It is the fold of the alert's events ({@link #apply}).
 */
@RecordBuilder
public record Alert(
        String alertId,
        String ruleId,
        String pointId,
        String enterpriseId,
        PointKind kind,
        String unit,
        Direction direction,
        Level level,
        AlertState state,
        long raisedAt,
        long updatedAt,
        double lastValue,
        double peakValue,
        int lastSeq,
        String lastEventId,
        AlertEventType lastEventType,
        String tank,
        String zone,
        String message,
        Message text,
        AlertCategory category,
        HoldBack heldBack,
        @JsonAlias("suppressedBy") String heldBackBy,
        Handling handling,
        String ruleVersion) implements AlertBuilder.With {

    public Alert {
        state = state == null ? null : state.current();
        if (heldBack == null && (heldBackBy != null || state == AlertState.MASKED)) {
            heldBack = HoldBack.MASKED; // written by an earlier version: only permits held alarms back
        }
    }

    /**
     * What people did about the alert (kept by the life-cycle stage).
     *
     * @param repeatCount     how many times it was raised (1, +1 for each re-alarm within the hold-off)
     * @param escalationStage 0 = the first contact was notified at raise; n = escalated n times
     * @param notified        who was notified last
     * @param shelvedBy       who shelved its alarm, while it is shelved, else null
     * @param shelvedAt       when, epoch ms
     * @param shelvedUntil    when the shelving ends by itself, epoch ms
     * @param shelveReason    why
     */
    @RecordBuilder
    public record Handling(String acknowledgedBy, long acknowledgedAt, String closedBy, long closedAt, String closeNote,
            int repeatCount, int escalationStage, String notified, String shelvedBy, long shelvedAt, long shelvedUntil,
            String shelveReason) implements AlertHandlingBuilder.With {

        public static final Handling NEW = AlertHandlingBuilder.builder().repeatCount(1).build();

        public boolean acknowledged() {
            return acknowledgedBy != null;
        }

        public boolean closed() {
            return closedBy != null;
        }

        public boolean shelved() {
            return shelvedBy != null;
        }

        /** The same handling, no longer acknowledged (an alarm that must be answered again). */
        public Handling unacknowledged() {
            return with(h -> h.acknowledgedBy(null).acknowledgedAt(0));
        }

        /** The same handling, no longer shelved. */
        public Handling unshelved() {
            return with(h -> h.shelvedBy(null).shelvedAt(0).shelvedUntil(0).shelveReason(null));
        }
    }

    /** A builder that names what it sets. */
    public static AlertBuilder builder() {
        return AlertBuilder.builder();
    }

    /** The alert's life-cycle key: one rule, one subject, one direction. */
    public String key() {
        return key(ruleId, pointId, direction);
    }

    public static String key(String ruleId, String subject, Direction direction) {
        return ruleId + "|" + subject + "|" + direction;
    }

    /**
     * The same alert with other handling, its state following from the condition and the handling: closed, else
     * recovered, else held back (shelved before what the detection says), else acknowledged or active.
     */
    public Alert with(Handling h, AlertState conditionState) {
        AlertState st = h.closed() ? AlertState.CLOSED
                : conditionState == AlertState.RECOVERED ? AlertState.RECOVERED
                : h.shelved() ? AlertState.SHELVED
                : conditionState.heldBack() ? conditionState
                : h.acknowledged() ? AlertState.ACKNOWLEDGED : AlertState.ACTIVE;
        return with(a -> a.state(st).handling(h));
    }

    public Handling handlingOrNew() {
        return handling == null ? Handling.NEW : handling;
    }

    /** The alert as it stands right after it was raised. */
    public static Alert raisedBy(AlertEvent e) {
        if (e.type() != AlertEventType.RAISED) {
            throw new IllegalArgumentException("an alert starts with RAISED, not " + e.type());
        }
        return AlertBuilder.builder().alertId(e.alertId()).ruleId(e.ruleId()).pointId(e.pointId())
                .enterpriseId(e.enterpriseId()).kind(e.kind()).unit(e.unit()).direction(e.direction()).level(e.level())
                .state(e.heldBack() != null ? e.heldBack().state() : AlertState.ACTIVE)
                .raisedAt(e.eventTime()).updatedAt(e.eventTime()).lastValue(e.value()).peakValue(e.value())
                .lastSeq(e.seq()).lastEventId(e.eventId()).lastEventType(e.type()).tank(e.tank()).zone(e.zone())
                .message(e.message()).text(e.text()).category(e.category()).heldBack(e.heldBack()).heldBackBy(e.heldBackBy()).handling(Handling.NEW)
                .ruleVersion(e.ruleVersion())
                .build();
    }

    /** The same alert with {@code value} taken into its peak (the worst value seen while it is open). */
    public Alert withPeak(double value) {
        boolean worse = direction == Direction.LOW ? value < peakValue : value > peakValue;
        if (!worse) {
            return this;
        }
        return withPeakValue(value);
    }

    /** The same alert, held back from annunciation (still shown and recorded). */
    public Alert heldBack(HoldBack why, String by) {
        return with(a -> a.state(why.state()).heldBack(why).heldBackBy(by));
    }

    /** The alert after one more of its events. */
    public Alert apply(AlertEvent e) {
        if (!e.alertId().equals(alertId)) {
            throw new IllegalArgumentException("event " + e.eventId() + " belongs to alert " + e.alertId());
        }
        AlertState next = e.type() == AlertEventType.RECOVERED ? AlertState.RECOVERED
                : e.heldBack() != null ? e.heldBack().state() : AlertState.ACTIVE;
        double peak = direction == Direction.LOW ? Math.min(peakValue, e.value()) : Math.max(peakValue, e.value());
        return with(a -> a.level(e.level()).state(next).updatedAt(e.eventTime()).lastValue(e.value()).peakValue(peak)
                .lastSeq(e.seq()).lastEventId(e.eventId()).lastEventType(e.type()).message(e.message()).text(e.text())
                .heldBack(e.heldBack()).heldBackBy(e.heldBackBy()));
    }
}
