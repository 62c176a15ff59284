package io.parkwatch.platform.auth;

/**
 * The answer to one password check.
 *
 * @param outcome      what happened
 * @param retryAfterMs for {@link Outcome#THROTTLED} and {@link Outcome#BUSY}: when trying again makes sense
 */
public record Verdict(Outcome outcome, long retryAfterMs) {

    public enum Outcome {
        /** The password matches. */
        ACCEPTED,
        /** Unknown user or wrong password (the two are not told apart). */
        WRONG,
        /** Too many recent failures for this user from this address: refused without checking. */
        THROTTLED,
        /** More checks are waiting than the gate serves: refused at once rather than queued without end. */
        BUSY,
        /** Longer than bcrypt reads ({@link PasswordGate#MAX_PASSWORD_BYTES} bytes): refused without checking. */
        TOO_LONG
    }

    static final Verdict ACCEPTED = new Verdict(Outcome.ACCEPTED, 0);
    static final Verdict WRONG = new Verdict(Outcome.WRONG, 0);
    static final Verdict TOO_LONG = new Verdict(Outcome.TOO_LONG, 0);

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }

    /** Seconds to put in a Retry-After answer (at least 1). */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfterMs + 999) / 1000);
    }
}
