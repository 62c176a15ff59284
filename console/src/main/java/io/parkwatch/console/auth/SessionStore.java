package io.parkwatch.console.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in memory: a session ends after {@code idle} without activity or {@code maxAge} after login,
 * whichever comes first. An open board counts as activity (a wall screen in the monitoring center
 * watched all shift must not log out mid-incident); the maximum age still ends it.
 */
public final class SessionStore {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Duration maxAge;
    private final Clock clock;

    public SessionStore(Duration idle, Duration maxAge, Clock clock) {
        this.idle = idle;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public Session open(ConsoleUser user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Session s = new Session(token, user, clock.millis(), maxAge.toMillis());
        sessions.put(token, s);
        return s;
    }

    /** The live session of this token, now marked active; empty when unknown or expired (then forgotten). */
    public Optional<Session> use(String token) {
        Optional<Session> s = peek(token);
        s.ifPresent(x -> x.touch(clock.millis()));
        return s;
    }

    /** The live session of this token without counting it as activity. */
    public Optional<Session> peek(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = sessions.get(token);
        if (s == null) {
            return Optional.empty();
        }
        if (!s.validAt(clock.millis(), idle.toMillis())) {
            sessions.remove(token);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public boolean isLive(Session s) {
        return peek(s.token()).isPresent();
    }

    public void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    /** Forgets expired sessions (called now and then, so abandoned logins do not pile up). */
    public void sweep() {
        long now = clock.millis();
        sessions.values().removeIf(s -> !s.validAt(now, idle.toMillis()));
    }

    public Duration maxAge() {
        return maxAge;
    }
}
