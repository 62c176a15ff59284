package io.parkwatch.console;

import io.parkwatch.console.auth.ConsoleUser;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the console (section {@code console} of parkwatch.yaml).
 *
 * @param bindHost          address to listen on
 * @param httpPort          HTTP port (8080 by default; 0 picks a free one)
 * @param users             who may log in (config/users.yaml)
 * @param sessionIdle       a session without activity ends after this (an open board is activity)
 * @param sessionMaxAge     a session ends this long after login whatever happens (a shift)
 * @param readingsPerPoint  recent readings kept per point for charts and the overview
 * @param maxHistoryEvents  alert events kept in memory for timelines and alarm performance
 * @param sessionFile       where sessions are kept so they outlive a restart, or null (memory only)
 */
public record ConsoleConfig(String bindHost, int httpPort, Map<String, ConsoleUser> users, Duration sessionIdle,
        Duration sessionMaxAge, int readingsPerPoint, int maxHistoryEvents, java.nio.file.Path sessionFile) {

    public static ConsoleConfig of(String bindHost, int httpPort, Map<String, ConsoleUser> users) {
        return new ConsoleConfig(bindHost, httpPort, users, Duration.ofMinutes(30), Duration.ofHours(12), 3600, 500_000,
                null);
    }
}
