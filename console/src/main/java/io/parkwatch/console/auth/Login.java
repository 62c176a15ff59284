package io.parkwatch.console.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Checks a user name and password. bcrypt is slow on purpose, so callers run this off the network
 * threads. After five wrong passwords in a row a user name is refused for a minute (guessing stays slow
 * even against a weak password); an unknown user costs the same time as a known one.
 */
public final class Login {

    static final int MAX_FAILURES = 5;
    static final long LOCK_MS = 60_000;
    // hash of a random password: verifying against it makes "no such user" as slow as "wrong password"
    private static final String DUMMY = BCrypt.withDefaults().hashToString(10, "not-a-user-password".toCharArray());

    private final Supplier<Map<String, ConsoleUser>> users;
    private final SessionStore sessions;
    private final Clock clock;
    private final Map<String, int[]> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> lockedUntil = new ConcurrentHashMap<>();

    public Login(Supplier<Map<String, ConsoleUser>> users, SessionStore sessions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Outcome of a login attempt: a session, or why not. */
    public record Result(Session session, String refusal, boolean locked) {
    }

    public Result attempt(String username, String password) {
        if (username == null || password == null || username.isBlank()) {
            return new Result(null, "user name and password are required", false);
        }
        Long until = lockedUntil.get(username);
        if (until != null && until > clock.millis()) {
            return new Result(null, "too many wrong passwords: try again in "
                    + Math.max(1, (until - clock.millis()) / 1000) + " s", true);
        }
        ConsoleUser user = users.get().get(username);
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        boolean ok = BCrypt.verifyer().verify(pw, (user == null ? DUMMY : user.passwordHash()).getBytes(
                StandardCharsets.UTF_8)).verified;
        if (user == null || !ok) {
            int n = failures.computeIfAbsent(username, k -> new int[1])[0]++ + 1;
            if (n >= MAX_FAILURES) {
                lockedUntil.put(username, clock.millis() + LOCK_MS);
                failures.remove(username);
            }
            return new Result(null, "wrong user name or password", false);
        }
        failures.remove(username);
        lockedUntil.remove(username);
        return new Result(sessions.open(user), null, false);
    }

    public Optional<ConsoleUser> user(String username) {
        return Optional.ofNullable(users.get().get(username));
    }
}
