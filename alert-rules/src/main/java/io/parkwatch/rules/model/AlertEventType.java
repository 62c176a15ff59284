package io.parkwatch.rules.model;

/**
 * What happened to an alert. Values are only ever appended: rule state stores them by ordinal
 * ({@link io.parkwatch.rules.engine.OpenAlert}).
 */
public enum AlertEventType {
    RAISED,
    LEVEL_CHANGED,
    RECOVERED,
    /** raised again within the hold-off after recovering: counted on the same alert */
    REPEATED,
    /** 叫应: someone answered it */
    ACKNOWLEDGED,
    /** nobody answered in time: the next person in the chain is notified */
    ESCALATED,
    COMMENTED,
    /** 消警: dealt with, with a disposal note */
    CLOSED,
    /** an operator command that could not be applied, with the reason */
    COMMAND_REFUSED,
    /** an operator shelved the alarm for a limited time, with a reason (ISA-18.2) */
    SHELVED,
    /** shelving ended: by hand (returns acknowledged), at expiry or by a rise in level (returns unacknowledged) */
    UNSHELVED,
    /** still unanswered: the tier that holds it is called again */
    REMINDED,
    /** a shift changed while it was unanswered: the roster's new person on duty holds it now */
    HANDED_OVER,
    /**
     * not an alert's step: a risk warning (风险预警, an enterprise's or the park's colour changed) as the notifier
     * delivers it, so people's channels tell it with delivery records like an alert's; never on the alert-events topic
     */
    RISK_WARNING
}
