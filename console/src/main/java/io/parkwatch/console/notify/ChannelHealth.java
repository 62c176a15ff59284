package io.parkwatch.console.notify;

/**
 * How one channel is doing, as the console and {@code /metrics} show it.
 *
 * @param channel              the channel's name
 * @param queueDepth           alert events waiting for this channel (its consumer lag plus what it holds)
 * @param oldestUndeliveredMs  age of the oldest event this channel has not delivered yet (0: none waiting)
 * @param lastSuccessAt        when a delivery last succeeded (epoch ms, 0: never since start)
 * @param failingSinceAt       when the current run of failures began (epoch ms, 0: not failing)
 * @param failing              failing for longer than the notifier's alarm time: shown to park officers
 * @param lastError            the last failure, if any
 * @param delivered            deliveries that succeeded since start
 * @param failedAttempts       attempts that failed since start
 * @param gaveUp               deliveries given up since start
 */
public record ChannelHealth(String channel, long queueDepth, long oldestUndeliveredMs, long lastSuccessAt,
        long failingSinceAt, boolean failing, String lastError, long delivered, long failedAttempts, long gaveUp) {
}
