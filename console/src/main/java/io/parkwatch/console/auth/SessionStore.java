package io.parkwatch.console.auth;

import io.parkwatch.rules.wire.WireJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions: a session ends after {@code idle} without activity or {@code maxAge} after login, whichever
 * comes first. An open board counts as activity (a wall screen in the monitoring center watched all
 * shift must not log out mid-incident); the maximum age still ends it.
 *
 * <p>With a file, sessions outlive a restart of the console (a wall screen reconnects by itself and
 * stays logged in). The file holds token hashes, never tokens; a user removed from the users file
 * loses their sessions at the next start.
 */
public final class SessionStore {

    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Duration maxAge;
    private final Clock clock;
    private final Path file;
    private volatile boolean dirty;

    /** A saved session. */
    record Saved(String key, String username, long createdAt, long expiresAt, long lastSeenAt) {
    }

    /**
     * @param file  where sessions are kept across restarts, or null for memory only
     * @param users the users as they are now (to find the person behind a saved session)
     */
    public SessionStore(Duration idle, Duration maxAge, Clock clock, Path file,
            Function<String, Optional<ConsoleUser>> users) {
        this.idle = idle;
        this.maxAge = maxAge;
        this.clock = clock;
        this.file = file;
        load(users);
    }

    /** Sessions one user may hold at once (wall screens, desks, phones); opening more ends the oldest. */
    static final int MAX_SESSIONS_PER_USER = 32;

    public SessionStore(Duration idle, Duration maxAge, Clock clock) {
        this(idle, maxAge, clock, null, u -> Optional.empty());
    }

    public Session open(ConsoleUser user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long now = clock.millis();
        Session s = new Session(hash(token), token, user, now, now + maxAge.toMillis(), now);
        // bounded: a user's oldest sessions end when more are opened than any set of screens needs
        List<Session> mine = sessions.values().stream().filter(x -> x.user().username().equals(user.username()))
                .sorted(java.util.Comparator.comparingLong(Session::createdAt)).toList();
        for (int i = 0; i <= mine.size() - MAX_SESSIONS_PER_USER; i++) {
            sessions.remove(mine.get(i).key());
        }
        sessions.put(s.key(), s);
        save();
        return s;
    }

    /** The live session of this token, now marked active; empty when unknown or expired (then forgotten). */
    public Optional<Session> use(String token) {
        Optional<Session> s = token == null ? Optional.empty() : live(hash(token));
        s.ifPresent(this::touch);
        return s;
    }

    public boolean isLive(Session s) {
        return live(s.key()).isPresent();
    }

    /** Marks the session active (an open board). */
    public void touch(Session s) {
        s.touch(clock.millis());
        dirty = true;
    }

    private Optional<Session> live(String key) {
        Session s = sessions.get(key);
        if (s == null) {
            return Optional.empty();
        }
        if (!s.validAt(clock.millis(), idle.toMillis())) {
            sessions.remove(key);
            dirty = true;
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public void close(String token) {
        if (token != null && sessions.remove(hash(token)) != null) {
            save();
        }
    }

    /** Forgets expired sessions and saves the activity of the live ones (called now and then). */
    public void sweep() {
        long now = clock.millis();
        if (sessions.values().removeIf(s -> !s.validAt(now, idle.toMillis())) || dirty) {
            save();
        }
    }

    public Duration maxAge() {
        return maxAge;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void save() {
        dirty = false;
        if (file == null) {
            return;
        }
        List<Saved> saved = sessions.values().stream().map(s -> new Saved(s.key(), s.user().username(), s.createdAt(),
                s.expiresAt(), s.lastSeenAt())).toList();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, WireJson.write(saved));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("sessions not saved to {} (they will not outlive a restart): {}", file, e.toString());
        }
    }

    private void load(Function<String, Optional<ConsoleUser>> users) {
        if (file == null || !Files.exists(file)) {
            return;
        }
        try {
            Saved[] saved = WireJson.read(Files.readAllBytes(file), Saved[].class);
            long now = clock.millis();
            for (Saved x : saved) {
                users.apply(x.username()).ifPresent(u -> {
                    Session s = new Session(x.key(), null, u, x.createdAt(), x.expiresAt(), x.lastSeenAt());
                    if (s.validAt(now, idle.toMillis())) {
                        sessions.put(s.key(), s);
                    }
                });
            }
            LOG.info("{} console session(s) still valid from {}", sessions.size(), file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("saved sessions in {} not used (everyone logs in again): {}", file, e.toString());
        }
    }
}
