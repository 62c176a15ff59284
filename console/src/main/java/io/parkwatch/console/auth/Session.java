package io.parkwatch.console.auth;

/**
 * A logged-in person. The token is the only secret; it travels in an HttpOnly cookie (the page) or an
 * {@code Authorization: Bearer} header (integrators).
 */
public final class Session {

    private final String token;
    private final ConsoleUser user;
    private final long createdAt;
    private final long expiresAt;
    private volatile long lastSeenAt;

    Session(String token, ConsoleUser user, long now, long maxAgeMs) {
        this.token = token;
        this.user = user;
        this.createdAt = now;
        this.expiresAt = now + maxAgeMs;
        this.lastSeenAt = now;
    }

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
