package io.parkwatch.console.history;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Asks the time-series store for history off the console's event loops, a few questions at a time: a wall of
 * charts opened at once waits in a short queue, and beyond it is told to try again rather than piling up.
 */
public final class HistoryReader implements AutoCloseable {

    private final HistorySource source;
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(32), new DefaultThreadFactory("console-history", true));

    public HistoryReader(HistorySource source) {
        this.source = source;
    }

    /** The readings, or a failed future (the store's error, or {@link RejectedExecutionException} when busy). */
    public CompletableFuture<List<HistorySource.Sample>> between(String pointId, long from, long to, int maxSamples) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return source.between(pointId, from, to, maxSamples);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }, pool);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    public String describe() {
        return source.describe();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
