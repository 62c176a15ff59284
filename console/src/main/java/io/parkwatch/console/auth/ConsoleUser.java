package io.parkwatch.console.auth;

import io.parkwatch.rules.text.Catalogue;
import java.util.Locale;

import io.parkwatch.rules.model.AlertCommand.Role;

/**
 * A person who may log in to the console.
 *
 * @param username     login name
 * @param name         how the person is shown (in the timeline: "acknowledged by ...")
 * @param role         park officer (the whole park) or enterprise operator (one enterprise)
 * @param enterpriseId the operator's enterprise; null for park officers
 * @param passwordHash bcrypt
 * @param language     the language the person reads (the {@code language:} of the users file), or null for the
 *                     park's default, Chinese
 */
public record ConsoleUser(String username, String name, Role role, String enterpriseId, String passwordHash,
        Locale language) {

    public ConsoleUser(String username, String name, Role role, String enterpriseId, String passwordHash) {
        this(username, name, role, enterpriseId, passwordHash, null);
    }

    /** The sentences this person reads. */
    public Catalogue catalogue() {
        return Catalogue.of(language);
    }

    /** Whether this person may see, and act on, what belongs to the enterprise. */
    public boolean sees(String enterprise) {
        return role == Role.PARK_OFFICER || (enterpriseId != null && enterpriseId.equals(enterprise));
    }

    /** The operator position whose alarm load this person carries (ISA-18.2 counts per position). */
    public String position() {
        return role == Role.PARK_OFFICER ? "park monitoring center" : enterpriseId + " control room";
    }
}
