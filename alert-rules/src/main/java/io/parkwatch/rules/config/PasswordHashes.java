package io.parkwatch.rules.config;

import java.util.regex.Pattern;

/** What a stored password must look like: a bcrypt hash, never the password itself. */
public final class PasswordHashes {

    private static final Pattern BCRYPT = Pattern.compile("\\$2[abxy]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    public static final String ADVICE =
            "must be a bcrypt hash ($2a$10$...), not a plain password; make one with ./parkwatch hash-password";

    private PasswordHashes() {
    }

    public static boolean isBcrypt(String hash) {
        return hash != null && BCRYPT.matcher(hash).matches();
    }
}
