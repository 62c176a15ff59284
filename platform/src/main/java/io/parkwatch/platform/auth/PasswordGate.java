package io.parkwatch.platform.auth;

import io.netty.util.concurrent.DefaultThreadFactory;
import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Checks passwords against bcrypt hashes so that nobody can turn the check against the people it
 * protects. bcrypt is slow on purpose (tens of milliseconds), which makes it a lever for a flood of wrong
 * passwords; the gate takes that lever away:
 * <ol>
 * <li>A password longer than bcrypt reads ({@value #MAX_PASSWORD_BYTES} bytes) is refused as TOO_LONG,
 *     with no work done: bcrypt would silently ignore the rest.</li>
 * <li>Credentials accepted within the last minutes ({@link VerifiedCredentials}) are accepted again at
 *     once: a reconnecting device does not queue behind a flood.</li>
 * <li>A pair of source address and user name with recent failures waits, with delays that grow
 *     ({@link FailureLedger}); attempts meanwhile are THROTTLED without work. No other pair is affected.</li>
 * <li>Checks wait in a bounded queue served fairly across addresses and users ({@link FairQueue}) by a
 *     fixed number of threads; when the queue is full the answer is BUSY at once.</li>
 * </ol>
 * An unknown user costs a bcrypt check like a known one (the answer is the same WRONG), but is counted
 * against the address only, never against a real user's name.
 */
public final class PasswordGate implements AutoCloseable {

    /** bcrypt reads the first 72 bytes of a password and ignores the rest. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final String NO_SUCH_USER = "\u0000no-such-user";
    // verifying against this makes "no such user" as slow as "wrong password"
    private static final String DUMMY_HASH = BCrypt.withDefaults().hashToString(10, "not-anybody's-password".toCharArray());

    private record Work(String source, String user, byte[] password, String storedHash, CompletableFuture<Verdict> answer) {
    }

    private final FairQueue<Work> queue;
    private final FailureLedger failures;
    private final VerifiedCredentials verified;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean open = true;

    private PasswordGate(Builder b) {
        this.queue = new FairQueue<>(b.maxPendingPerUser, b.maxPendingPerSource, b.maxPending);
        this.failures = new FailureLedger(b.freeFailures, b.firstDelay, b.maxDelay, b.maxTrackedFailures, b.clock);
        this.verified = new VerifiedCredentials(b.rememberVerified, b.maxRemembered);
        DefaultThreadFactory threads = new DefaultThreadFactory(b.name, true);
        for (int i = 0; i < b.threads; i++) {
            Thread t = threads.newThread(this::serve);
            t.start();
            workers.add(t);
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Checks a password. Completes at once when no bcrypt is needed, else on one of the gate's threads.
     *
     * @param source     the caller's address (as the socket sees it)
     * @param user       the user name given
     * @param password   the password given (may be null: none)
     * @param storedHash the user's bcrypt hash, or null when there is no such user
     */
    public CompletableFuture<Verdict> check(String source, String user, byte[] password, String storedHash) {
        byte[] pw = password == null ? new byte[0] : password;
        String name = user == null ? "" : user;
        if (pw.length > MAX_PASSWORD_BYTES) {
            return CompletableFuture.completedFuture(Verdict.TOO_LONG);
        }
        if (storedHash != null && verified.matches(name, pw, storedHash)) {
            failures.succeeded(source, name);
            return CompletableFuture.completedFuture(Verdict.ACCEPTED);
        }
        String ledgerName = storedHash == null ? NO_SUCH_USER : name;
        long wait = failures.waitMs(source, ledgerName);
        if (wait > 0) {
            return CompletableFuture.completedFuture(new Verdict(Verdict.Outcome.THROTTLED, wait));
        }
        CompletableFuture<Verdict> answer = new CompletableFuture<>();
        boolean queued;
        synchronized (queue) {
            queued = open && queue.offer(source, ledgerName, new Work(source, name, pw, storedHash, answer));
            if (queued) {
                queue.notify();
            }
        }
        if (!queued) {
            return CompletableFuture.completedFuture(new Verdict(Verdict.Outcome.BUSY, 1000));
        }
        return answer;
    }

    /** A check from a thread that may block (for example a login request's worker). */
    public Verdict checkNow(String source, String user, byte[] password, String storedHash) {
        return check(source, user, password, storedHash).join();
    }

    public static byte[] utf8(String password) {
        return password == null ? null : password.getBytes(StandardCharsets.UTF_8);
    }

    private void serve() {
        while (true) {
            Work w;
            synchronized (queue) {
                while (open && queue.size() == 0) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (!open) {
                    return;
                }
                w = queue.poll();
            }
            try {
                w.answer().complete(verify(w));
            } catch (RuntimeException e) {
                w.answer().complete(Verdict.WRONG); // an unreadable stored hash accepts nobody
            }
        }
    }

    private Verdict verify(Work w) {
        boolean known = w.storedHash() != null;
        boolean ok = BCrypt.verifyer().verify(w.password(),
                (known ? w.storedHash() : DUMMY_HASH).getBytes(StandardCharsets.UTF_8)).verified;
        if (ok && known) {
            failures.succeeded(w.source(), w.user());
            verified.remember(w.user(), w.password(), w.storedHash());
            return Verdict.ACCEPTED;
        }
        failures.failed(w.source(), known ? w.user() : NO_SUCH_USER);
        return Verdict.WRONG;
    }

    /** Pairs of address and user name with failures remembered now (bounded). */
    public long trackedFailures() {
        return failures.size();
    }

    @Override
    public void close() {
        List<Work> left = new ArrayList<>();
        synchronized (queue) {
            open = false;
            for (Work w = queue.poll(); w != null; w = queue.poll()) {
                left.add(w);
            }
            queue.notifyAll();
        }
        left.forEach(w -> w.answer().complete(new Verdict(Verdict.Outcome.BUSY, 1000)));
    }

    /** Settings of a gate; the defaults suit a gateway or a console. */
    public static final class Builder {
        private final String name;
        private int threads = 2;
        private int maxPending = 256;
        private int maxPendingPerSource = 32;
        private int maxPendingPerUser = 2;
        private int freeFailures = 3;
        private Duration firstDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofMinutes(5);
        private int maxTrackedFailures = 100_000;
        private Duration rememberVerified = Duration.ofMinutes(10);
        private int maxRemembered = 100_000;
        private LongSupplier clock = System::currentTimeMillis;

        private Builder(String name) {
            this.name = name;
        }

        /** Threads running bcrypt. */
        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        /** Checks waiting in all, per source address, and per address and user name. */
        public Builder maxPending(int total, int perSource, int perUser) {
            this.maxPending = total;
            this.maxPendingPerSource = perSource;
            this.maxPendingPerUser = perUser;
            return this;
        }

        /** Failures of one address and user before delays start; the first delay, doubling up to the ceiling. */
        public Builder throttle(int freeFailures, Duration firstDelay, Duration maxDelay) {
            this.freeFailures = freeFailures;
            this.firstDelay = firstDelay;
            this.maxDelay = maxDelay;
            return this;
        }

        /** How long, and how many, accepted credentials are remembered. */
        public Builder rememberVerified(Duration ttl, int maxEntries) {
            this.rememberVerified = ttl;
            this.maxRemembered = maxEntries;
            return this;
        }

        public Builder maxTrackedFailures(int n) {
            this.maxTrackedFailures = n;
            return this;
        }

        public Builder clock(LongSupplier millis) {
            this.clock = millis;
            return this;
        }

        public PasswordGate build() {
            return new PasswordGate(this);
        }
    }
}
