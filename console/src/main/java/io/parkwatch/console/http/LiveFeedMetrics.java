package io.parkwatch.console.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/** The live feed's {@link LiveFeedHealth} as Prometheus meters: boards connected, boards behind, what they missed. */
public final class LiveFeedMetrics {

    private LiveFeedMetrics() {
    }

    public static void register(MeterRegistry registry, Supplier<LiveFeedHealth> feed) {
        gauge(registry, feed, "parkwatch.console.boards", "boards connected to the live feed", LiveFeedHealth::boards);
        gauge(registry, feed, "parkwatch.console.boards.behind",
                "boards not keeping up: their messages withheld until they drain, then a fresh snapshot",
                LiveFeedHealth::behind);
        gauge(registry, feed, "parkwatch.console.board.most.pending.bytes",
                "the most bytes any board's connection held unsent since start", LiveFeedHealth::mostPendingBytes);
        FunctionCounter.builder("parkwatch.console.live.withheld", feed, f -> f.get().withheld())
                .description("live messages withheld from boards that were behind").register(registry);
        FunctionCounter.builder("parkwatch.console.live.resyncs", feed, f -> f.get().resyncs())
                .description("fresh snapshots sent to boards that had caught up").register(registry);
    }

    private static void gauge(MeterRegistry r, Supplier<LiveFeedHealth> feed, String name, String help,
            ToDoubleFunction<LiveFeedHealth> f) {
        Gauge.builder(name, feed, x -> f.applyAsDouble(x.get())).description(help).register(r);
    }
}
