package io.parkwatch.console.links;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One-time codes that prove who answers from a group chat's link: a person chosen among those an alert reached gets
 * six digits on their own phone and types them in. A code lives ten minutes and allows five tries; a person gets at
 * most three codes per alert in ten minutes (nobody floods a phone through the page). Bounded in memory.
 */
public final class OneTimeCodes {

    static final Duration VALID = Duration.ofMinutes(10);
    static final int MAX_TRIES = 5;
    static final int MAX_SENDS = 3;

    private static final class Issued {
        final String code;
        int tries;

        Issued(String code) {
            this.code = code;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Issued> codes;
    private final Cache<String, Integer> sends;

    public OneTimeCodes() {
        this(Ticker.systemTicker());
    }

    OneTimeCodes(Ticker ticker) {
        codes = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(VALID).ticker(ticker).build();
        sends = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(VALID).ticker(ticker).build();
    }

    /** A new code for this person and alert, or empty when they have had as many as allowed just now. */
    public synchronized Optional<String> issue(String alertId, String personId) {
        String key = alertId + "|" + personId;
        int sent = sends.asMap().getOrDefault(key, 0);
        if (sent >= MAX_SENDS) {
            return Optional.empty();
        }
        sends.put(key, sent + 1);
        String code = String.format("%06d", random.nextInt(1_000_000));
        codes.put(key, new Issued(code));
        return Optional.of(code);
    }

    /** Whether this is the person's current code; a right code is used up, five wrong ones end it. */
    public synchronized boolean check(String alertId, String personId, String code) {
        String key = alertId + "|" + personId;
        Issued issued = codes.getIfPresent(key);
        if (issued == null || code == null) {
            return false;
        }
        if (MessageDigest.isEqual(issued.code.getBytes(StandardCharsets.US_ASCII),
                code.strip().getBytes(StandardCharsets.US_ASCII))) {
            codes.invalidate(key);
            return true;
        }
        if (++issued.tries >= MAX_TRIES) {
            codes.invalidate(key);
        }
        return false;
    }
}
