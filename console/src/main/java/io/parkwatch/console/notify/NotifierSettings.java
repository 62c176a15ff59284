package io.parkwatch.console.notify;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Duration;

/**
 * How the notifier delivers.
 *
 * @param bootstrap          Kafka
 * @param group              consumer group prefix: each channel's progress is kept under {@code group.channel}
 * @param maxAttempts        attempts per event and channel before it is recorded as given up
 * @param backoff            wait before the second attempt, doubled for each further one up to {@code maxBackoff}
 * @param maxBackoff         longest wait between attempts
 * @param attemptTimeout     time limit of one attempt (a receiver that never answers fails it)
 * @param failingAlarmAfter  a channel failing this long is shown to park officers and logged as an error
 * @param newChannelCatchUp  a channel with no progress of its own starts with the events of this last period
 * @param maxRemembered      finished deliveries kept in memory (the deliveries topic keeps them all)
 * @param floodDigestEvery   while an enterprise is in flood, people hear of each incident at most this often
 */
@RecordBuilder
public record NotifierSettings(String bootstrap, String group, int maxAttempts, Duration backoff, Duration maxBackoff,
        Duration attemptTimeout, Duration failingAlarmAfter, Duration newChannelCatchUp, int maxRemembered,
        Duration floodDigestEvery) implements NotifierSettingsBuilder.With {

    public static NotifierSettings defaults(String bootstrap, String group) {
        return new NotifierSettings(bootstrap, group, 8, Duration.ofSeconds(1), Duration.ofMinutes(1),
                Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofHours(1), 100_000, Duration.ofMinutes(1));
    }

    String groupOf(String channel) {
        return group + "." + channel;
    }

    Duration backoffBefore(int attempt) {
        long ms = backoff.toMillis() << Math.min(Math.max(attempt - 2, 0), 20);
        return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
    }
}
