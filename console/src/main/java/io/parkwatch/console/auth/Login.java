package io.parkwatch.console.auth;

import io.parkwatch.rules.text.Message;
import io.parkwatch.platform.auth.PasswordGate;
import io.parkwatch.platform.auth.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Checks a user name and password through a {@link PasswordGate}: bcrypt off the network threads on a
 * bounded, fair queue. Wrong passwords are counted per user name and source address: after
 * {@value #FREE_FAILURES} in a row that pair waits {@link #FIRST_DELAY}, doubling with each further failure
 * up to {@link #MAX_DELAY}. A stranger's guesses from one address therefore never lock the real user out
 * from another; guessing stays slow even against a weak password. An unknown user costs the same time and
 * gets the same answer as a wrong password.
 */
public final class Login implements AutoCloseable {

    static final int FREE_FAILURES = 4;
    static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final int MAX_USERNAME_CHARS = 128;

    private final Supplier<Map<String, ConsoleUser>> users;
    private final SessionStore sessions;
    private final PasswordGate gate;

    public Login(Supplier<Map<String, ConsoleUser>> users, SessionStore sessions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.gate = PasswordGate.builder("console-password-check")
                .throttle(FREE_FAILURES, FIRST_DELAY, MAX_DELAY).clock(clock::millis).build();
    }

    /** Why a login was refused, as an HTTP answer would say it. */
    public enum Refusal {
        MISSING(400), WRONG(401), TOO_LONG(400), THROTTLED(429), BUSY(503);

        public final int status;

        Refusal(int status) {
            this.status = status;
        }
    }

    /** Outcome of a login attempt: a session, or why not (with a sentence and, if any, seconds to wait). */
    public record Result(Session session, Refusal refusal, Message reason, long retryAfterSeconds) {
    }

    public CompletableFuture<Result> attempt(String source, String username, String password) {
        if (username == null || password == null || username.isBlank()) {
            return CompletableFuture.completedFuture(new Result(null, Refusal.MISSING,
                    Message.of("login.missing"), 0));
        }
        if (username.length() > MAX_USERNAME_CHARS) {
            return CompletableFuture.completedFuture(new Result(null, Refusal.MISSING,
                    Message.of("login.name-too-long", MAX_USERNAME_CHARS), 0));
        }
        ConsoleUser user = users.get().get(username);
        return gate.check(source, username, PasswordGate.utf8(password), user == null ? null : user.passwordHash())
                .thenApply(v -> switch (v.outcome()) {
                    case ACCEPTED -> new Result(sessions.open(user), null, null, 0);
                    case WRONG -> new Result(null, Refusal.WRONG, Message.of("login.wrong"), 0);
                    case TOO_LONG -> new Result(null, Refusal.TOO_LONG,
                            Message.of("login.password-too-long", PasswordGate.MAX_PASSWORD_BYTES), 0);
                    case THROTTLED -> new Result(null, Refusal.THROTTLED,
                            Message.of("login.throttled", v.retryAfterSeconds()), v.retryAfterSeconds());
                    case BUSY -> new Result(null, Refusal.BUSY, Message.of("login.busy", v.retryAfterSeconds()),
                            v.retryAfterSeconds());
                });
    }

    /** Verdict of the gate alone, for tests and tools. */
    Verdict check(String source, String username, String password) {
        ConsoleUser user = users.get().get(username);
        return gate.checkNow(source, username, PasswordGate.utf8(password), user == null ? null : user.passwordHash());
    }

    public Optional<ConsoleUser> user(String username) {
        return Optional.ofNullable(users.get().get(username));
    }

    @Override
    public void close() {
        gate.close();
    }
}
