package io.parkwatch.platform.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Credentials bcrypt accepted a moment ago, so that a device reconnecting (after a network blip or a
 * gateway restart behind a load balancer) does not pay bcrypt again and cannot be kept out by someone
 * else's flood. Only a keyed digest (HMAC-SHA256 under a key that lives and dies with this process) of the
 * password is held, together with the stored hash it matched: a changed password in the users or devices
 * file makes the entry useless at once. Bounded in size and age.
 */
final class VerifiedCredentials {

    private record Entry(String storedHash, byte[] digest) {
    }

    private final Cache<String, Entry> entries;
    private final SecretKeySpec key;

    VerifiedCredentials(Duration ttl, int maxEntries) {
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build();
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
    }

    boolean matches(String user, byte[] password, String storedHash) {
        Entry e = entries.getIfPresent(user);
        return e != null && e.storedHash().equals(storedHash)
                && MessageDigest.isEqual(e.digest(), digest(user, password));
    }

    void remember(String user, byte[] password, String storedHash) {
        entries.put(user, new Entry(storedHash, digest(user, password)));
    }

    private byte[] digest(String user, byte[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
