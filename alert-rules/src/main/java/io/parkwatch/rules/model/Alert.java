package io.parkwatch.rules.model;

/**
 * The current state of one alert: what a console shows in a board row, and what the compacted
 * alerts topic keeps per alert id. It is the fold of the alert's events ({@link #apply}).
 */
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
        AlertCategory category,
        String suppressedBy,
        Handling handling) {

    /**
     * What people did about the alert (kept by the life-cycle stage).
     *
     * @param repeatCount     how many times it was raised (1, +1 for each re-alarm within the hold-off)
     * @param escalationStage 0 = the first contact was notified at raise; n = escalated n times
     * @param notified        who was notified last
     */
    public record Handling(String acknowledgedBy, long acknowledgedAt, String closedBy, long closedAt, String closeNote,
            int repeatCount, int escalationStage, String notified) {

        public static final Handling NEW = new Handling(null, 0, null, 0, null, 1, 0, null);

        public boolean acknowledged() {
            return acknowledgedBy != null;
        }

        public boolean closed() {
            return closedBy != null;
        }
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
        AlertState st = h.closed() ? AlertState.CLOSED
                : conditionState == AlertState.ACTIVE && h.acknowledged() ? AlertState.ACKNOWLEDGED : conditionState;
        return new Alert(alertId, ruleId, pointId, enterpriseId, kind, unit, direction, level, st, raisedAt, updatedAt,
                lastValue, peakValue, lastSeq, lastEventId, lastEventType, tank, zone, message, category, suppressedBy, h);
    }

    public Handling handlingOrNew() {
        return handling == null ? Handling.NEW : handling;
    }

    /** The alert as it stands right after it was raised. */
    public static Alert raisedBy(AlertEvent e) {
        if (e.type() != AlertEventType.RAISED) {
            throw new IllegalArgumentException("an alert starts with RAISED, not " + e.type());
        }
        return new Alert(e.alertId(), e.ruleId(), e.pointId(), e.enterpriseId(), e.kind(), e.unit(),
                e.direction(), e.level(), e.suppressedBy() != null ? AlertState.SUPPRESSED : AlertState.ACTIVE,
                e.eventTime(), e.eventTime(), e.value(), e.value(), e.seq(), e.eventId(), e.type(), e.tank(), e.zone(),
                e.message(), e.category(), e.suppressedBy(), Handling.NEW);
    }

    /** The same alert with {@code value} taken into its peak (the worst value seen while it is open). */
    public Alert withPeak(double value) {
        boolean worse = direction == Direction.LOW ? value < peakValue : value > peakValue;
        if (!worse) {
            return this;
        }
        return new Alert(alertId, ruleId, pointId, enterpriseId, kind, unit, direction, level, state, raisedAt,
                updatedAt, lastValue, value, lastSeq, lastEventId, lastEventType, tank, zone, message, category,
                suppressedBy, handling);
    }

    /** The same alert, masked by a maintenance permit. */
    public Alert suppressedBy(String permit) {
        return new Alert(alertId, ruleId, pointId, enterpriseId, kind, unit, direction, level, AlertState.SUPPRESSED,
                raisedAt, updatedAt, lastValue, peakValue, lastSeq, lastEventId, lastEventType, tank, zone, message,
                category, permit, handling);
    }

    /** The alert after one more of its events. */
    public Alert apply(AlertEvent e) {
        if (!e.alertId().equals(alertId)) {
            throw new IllegalArgumentException("event " + e.eventId() + " belongs to alert " + e.alertId());
        }
        AlertState next = e.type() == AlertEventType.RECOVERED ? AlertState.RECOVERED
                : e.suppressedBy() != null ? AlertState.SUPPRESSED : AlertState.ACTIVE;
        double peak = direction == Direction.LOW ? Math.min(peakValue, e.value()) : Math.max(peakValue, e.value());
        return new Alert(alertId, ruleId, pointId, enterpriseId, kind, unit, direction, e.level(), next, raisedAt,
                e.eventTime(), e.value(), peak, e.seq(), e.eventId(), e.type(), tank, zone, e.message(), category,
                e.suppressedBy(), handling);
    }
}
