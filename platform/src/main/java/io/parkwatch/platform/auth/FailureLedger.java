package io.parkwatch.platform.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Remembers failed password checks per source address and user name, and says how long that pair must
 * wait before its next check. A pair gets a few free failures, then a delay that doubles with each
 * further failure up to a ceiling; a success forgets the pair. Because the key is the pair, a stranger's
 * wrong guesses from one address never hold back the same user from another address, nor another user
 * from the same address. Attempts for user names that do not exist are counted per address (they cannot
 * be anybody's correct password), so guessing names costs the guesser alone. Bounded: the least recently
 * touched entries go first.
 */
final class FailureLedger {

    private static final class Failures {
        int count;
        long blockedUntil;
    }

    private final Cache<String, Failures> pairs;
    private final int freeFailures;
    private final long baseDelayMs;
    private final long maxDelayMs;
    private final LongSupplier clock;

    FailureLedger(int freeFailures, Duration baseDelay, Duration maxDelay, int maxEntries, LongSupplier clock) {
        this.freeFailures = freeFailures;
        this.baseDelayMs = baseDelay.toMillis();
        this.maxDelayMs = maxDelay.toMillis();
        this.clock = clock;
        // an entry outlives its longest delay, then is forgotten
        this.pairs = Caffeine.newBuilder().maximumSize(maxEntries)
                .expireAfterAccess(Duration.ofMillis(Math.max(maxDelay.toMillis() * 2, 60_000))).build();
    }

    private static String key(String source, String user) {
        return source + '\u0000' + user;
    }

    /** Milliseconds this pair must still wait; 0 when it may be checked now. */
    long waitMs(String source, String user) {
        Failures f = pairs.getIfPresent(key(source, user));
        if (f == null) {
            return 0;
        }
        synchronized (f) {
            return Math.max(0, f.blockedUntil - clock.getAsLong());
        }
    }

    void failed(String source, String user) {
        Failures f = pairs.get(key(source, user), k -> new Failures());
        synchronized (f) {
            f.count++;
            int over = f.count - freeFailures;
            if (over > 0) {
                long delay = Math.min(maxDelayMs, baseDelayMs << Math.min(over - 1, 20));
                f.blockedUntil = clock.getAsLong() + delay;
            }
        }
    }

    void succeeded(String source, String user) {
        pairs.invalidate(key(source, user));
    }

    long size() {
        pairs.cleanUp();
        return pairs.estimatedSize();
    }
}
