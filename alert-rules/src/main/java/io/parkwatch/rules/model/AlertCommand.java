package io.parkwatch.rules.model;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * An operator's command on an alert, as it travels on the commands topic.
 *
 * @param commandId  unique id (the refusal or the resulting event is derived from it, so a resent command is idempotent)
 * @param type       what to do
 * @param alertId    the alert
 * @param alertKey   the alert's key ({@link Alert#key()}), which routes the command to the alert's state
 * @param user       who
 * @param role       PARK_OFFICER, ENTERPRISE_OPERATOR or PERSON
 * @param enterpriseId the user's enterprise (operators act only on their own enterprise's alerts)
 * @param note       disposal note (close), reason (force close, shelve), or comment text
 * @param issuedAt   when, epoch ms
 * @param minutes    how long to shelve (shelve only)
 */
@RecordBuilder
public record AlertCommand(String commandId, Type type, String alertId, String alertKey, String user, Role role,
        String enterpriseId, String note, long issuedAt, int minutes) {

    public enum Type { ACKNOWLEDGE, COMMENT, CLOSE, FORCE_CLOSE, SHELVE, UNSHELVE }

    /**
     * Who gives the command: a console user of the park or of an enterprise, or a PERSON of the contacts file the
     * alert has reached, through a signed link (they may acknowledge and comment, never force a close).
     */
    public enum Role { PARK_OFFICER, ENTERPRISE_OPERATOR, PERSON }

    public AlertCommand(String commandId, Type type, String alertId, String alertKey, String user, Role role,
            String enterpriseId, String note, long issuedAt) {
        this(commandId, type, alertId, alertKey, user, role, enterpriseId, note, issuedAt, 0);
    }

    /** A builder that names what it sets. */
    public static AlertCommandBuilder builder() {
        return AlertCommandBuilder.builder();
    }
}
