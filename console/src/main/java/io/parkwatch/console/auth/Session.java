package io.parkwatch.console.auth;

/**
 * A logged-in person. The token is the only secret; it travels in an HttpOnly cookie (the page) or an
 * {@code Authorization: Bearer} header (integrators). The console keeps only its hash ({@link #key()}),
 * so a saved session file is no list of passwords.
 */
public final class Session {

    private final String key;
    private final String token;
    private final ConsoleUser user;
    private final long createdAt;
    private final long expiresAt;
    private volatile long lastSeenAt;

    Session(String key, String token, ConsoleUser user, long createdAt, long expiresAt, long lastSeenAt) {
        this.key = key;
        this.token = token;
        this.user = user;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.lastSeenAt = lastSeenAt;
    }

    /** The hash of the token: how the console knows the session. */
    public String key() {
        return key;
    }

    /** The token itself: known only to a session just opened (it goes to the browser once). */
    public String token() {
        return token;
    }

    public ConsoleUser user() {
        return user;
    }

    public long createdAt() {
        return createdAt;
    }

    /** The session ends here whatever the activity (a shift). */
    public long expiresAt() {
        return expiresAt;
    }

    public long lastSeenAt() {
        return lastSeenAt;
    }

    void touch(long now) {
        lastSeenAt = now;
    }

    boolean validAt(long now, long idleMs) {
        return now < expiresAt && now - lastSeenAt < idleMs;
    }
}
