package io.parkwatch.rules.lifecycle;

import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;
import java.util.Map;

/**
 * A person (or office) to notify: who, in what role, and how to reach them. {@link #toString()} is the English
 * form stored in events and alerts ({@code Li Na (technical responsible person, +86 ...)}: the SMS channel reads
 * the phone from it); {@link #localized} shows such a text in a reader's language.
 */
public record Contact(String role, String name, String phone) {

    /** The roles the contacts file gives, by their English label, with their catalogue term. */
    static final Map<String, String> ROLE_TERMS = Map.of(
            "operational responsible person", "role.operational",
            "technical responsible person", "role.technical",
            "principal responsible person", "role.principal",
            "park duty officer", "role.duty-officer",
            "authority", "role.authority");

    @Override
    public String toString() {
        return name + " (" + role + (phone == null ? "" : ", " + phone) + ")";
    }

    /** The role as a term the catalogue translates (an unknown role stays as it is). */
    public String roleTerm() {
        String key = ROLE_TERMS.get(role);
        return key == null ? role : Message.term(key);
    }

    /** The phone part of a sentence: ", +86 ..." or nothing. */
    public String phoneSuffix() {
        return phone == null ? "" : ", " + phone;
    }

    /** The name part of a stored contact text ({@link #toString()}), or "-" for none. */
    public static String localizedName(String stored) {
        if (stored == null) {
            return "-";
        }
        int paren = stored.indexOf(" (");
        return paren < 0 ? stored : stored.substring(0, paren);
    }

    /** A stored contact text ({@link #toString()}) with its role in the reader's language. */
    public static String localized(String stored, Catalogue language) {
        if (stored == null) {
            return null;
        }
        String out = stored;
        for (Map.Entry<String, String> r : ROLE_TERMS.entrySet()) {
            out = out.replace("(" + r.getKey() + ",", "(" + language.text("term." + r.getValue()) + ",")
                    .replace("(" + r.getKey() + ")", "(" + language.text("term." + r.getValue()) + ")");
        }
        return out;
    }
}
