package io.parkwatch.console.auth;

import io.parkwatch.rules.model.AlertCommand.Role;

/**
 * A person who may log in to the console.
 *
 * @param username     login name
 * @param name         how the person is shown (in the timeline: "acknowledged by ...")
 * @param role         park officer (the whole park) or enterprise operator (one enterprise)
 * @param enterpriseId the operator's enterprise; null for park officers
 * @param passwordHash bcrypt
 */
public record ConsoleUser(String username, String name, Role role, String enterpriseId, String passwordHash) {

    /** Whether this person may see, and act on, what belongs to the enterprise. */
    public boolean sees(String enterprise) {
        return role == Role.PARK_OFFICER || (enterpriseId != null && enterpriseId.equals(enterprise));
    }

    /** The operator position whose alarm load this person carries (ISA-18.2 counts per position). */
    public String position() {
        return role == Role.PARK_OFFICER ? "park monitoring center" : enterpriseId + " control room";
    }
}
