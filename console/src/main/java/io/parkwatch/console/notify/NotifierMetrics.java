package io.parkwatch.console.notify;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/** The notifier's health per channel as Prometheus meters: queue depth, oldest waiting event, last success, failing. */
public final class NotifierMetrics {

    private NotifierMetrics() {
    }

    public static void register(MeterRegistry registry, Notifier notifier) {
        for (ChannelHealth h : notifier.health()) {
            String ch = h.channel();
            gauge(registry, notifier, ch, "parkwatch.notifier.queue.depth", "alert events waiting for this channel",
                    ChannelHealth::queueDepth);
            gauge(registry, notifier, ch, "parkwatch.notifier.oldest.undelivered.seconds",
                    "age of the oldest event not yet delivered on this channel", x -> x.oldestUndeliveredMs() / 1000.0);
            gauge(registry, notifier, ch, "parkwatch.notifier.last.success.timestamp.seconds",
                    "when a delivery on this channel last succeeded (0: not since start)", x -> x.lastSuccessAt() / 1000.0);
            gauge(registry, notifier, ch, "parkwatch.notifier.failing",
                    "1 while this channel has been failing longer than the alarm time", x -> x.failing() ? 1 : 0);
            counter(registry, notifier, ch, "parkwatch.notifier.delivered", ChannelHealth::delivered);
            counter(registry, notifier, ch, "parkwatch.notifier.attempts.failed", ChannelHealth::failedAttempts);
            counter(registry, notifier, ch, "parkwatch.notifier.gave.up", ChannelHealth::gaveUp);
        }
    }

    private static ChannelHealth of(Notifier n, String channel) {
        return n.health().stream().filter(h -> h.channel().equals(channel)).findFirst().orElseThrow();
    }

    private static void gauge(MeterRegistry r, Notifier n, String channel, String name, String help,
            ToDoubleFunction<ChannelHealth> f) {
        Gauge.builder(name, n, x -> f.applyAsDouble(of(x, channel))).tag("channel", channel).description(help).register(r);
    }

    private static void counter(MeterRegistry r, Notifier n, String channel, String name,
            ToDoubleFunction<ChannelHealth> f) {
        FunctionCounter.builder(name, n, x -> f.applyAsDouble(of(x, channel))).tag("channel", channel).register(r);
    }
}
