package io.parkwatch.rules.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.parkwatch.rules.text.Message;
import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * The current state of one alert: what a console shows in a board row, and what the compacted
 * alerts topic keeps per alert id. It is the fold of the alert's events ({@link #apply}).
 *
 * <p><b>Its fields are frozen.</b> Rule state holds open alerts inside subclasses of {@code RuleSlice} that Flink has
 * not registered, and Flink restores those with the fields their classes have now, not the ones they were written
 * with; elsewhere (the life cycle's state) it restores by field name and class. So a checkpoint of an earlier version
 * restores only while this record and {@link Handling} keep exactly their fields (names and types), and enum fields
 * only ever get values appended. What is newer travels on the events ({@link AlertEvent}) and in the life cycle's own
 * state, or is derived ({@link #heldBack()}). {@code LegacyStateRestoreJobIT} restores checkpoints of earlier
 * versions to keep it so.
 *
 * @param suppressedBy what holds the alarm back (the permit, the shelving reason, the out-of-service reason, the mode);
 *                     {@code heldBackBy} in JSON. Its Java name is the one it was stored under first (see above).
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
        @JsonProperty("heldBackBy") @JsonAlias("suppressedBy") String suppressedBy,
        Handling handling) implements AlertBuilder.With {

    public Alert {
        state = state == null ? null : state.current();
    }

    /** Why the alarm is not announced now (from its state), or null when it is. */
    @JsonProperty("heldBack")
    public HoldBack heldBack() {
        return state == null || !state.heldBack() ? null : HoldBack.valueOf(state.name());
    }

    /** What holds it back: the permit, the shelving reason, the out-of-service reason, the mode. */
    public String heldBackBy() {
        return suppressedBy;
    }

    /**
     * What people did about the alert (kept by the life-cycle stage). Its fields are frozen, like the alert's; the
     * shelving of an alarm is the life cycle's state and its events'.
     *
     * @param repeatCount     how many times it was raised (1, +1 for each re-alarm within the hold-off)
     * @param escalationStage 0 = the first contact was notified at raise; n = escalated n times
     * @param notified        who was notified last
     */
    @RecordBuilder
    public record Handling(String acknowledgedBy, long acknowledgedAt, String closedBy, long closedAt, String closeNote,
            int repeatCount, int escalationStage, String notified) implements AlertHandlingBuilder.With {

        public static final Handling NEW = AlertHandlingBuilder.builder().repeatCount(1).build();

        public boolean acknowledged() {
            return acknowledgedBy != null;
        }

        public boolean closed() {
            return closedBy != null;
        }

        /** The same handling, no longer acknowledged (an alarm that must be answered again). */
        public Handling unacknowledged() {
            return with(h -> h.acknowledgedBy(null).acknowledgedAt(0));
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

    /** The same alert with other handling, its state following from the condition and the handling. */
    public Alert with(Handling h, AlertState conditionState) {
        return with(h, conditionState, false);
    }

    /**
     * The same alert with other handling, its state following from the condition, the handling and whether its alarm
     * is shelved: closed, else recovered, else shelved, else held back as the detection says, else acknowledged or
     * active.
     */
    public Alert with(Handling h, AlertState conditionState, boolean shelved) {
        AlertState st = h.closed() ? AlertState.CLOSED
                : conditionState == AlertState.RECOVERED ? AlertState.RECOVERED
                : shelved ? AlertState.SHELVED
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
                .message(e.message()).text(e.text()).category(e.category()).suppressedBy(e.heldBackBy()).handling(Handling.NEW)
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
        return with(a -> a.state(why.state()).suppressedBy(by));
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
                .suppressedBy(e.heldBackBy()));
    }
}
