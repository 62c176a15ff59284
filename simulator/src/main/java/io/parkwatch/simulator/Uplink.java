package io.parkwatch.simulator;

import java.util.List;

/**
 * How simulated data loggers reach the gateway: MQTT batches ({@link ReadingPublisher}) or HJ 212 frames
 * ({@link Hj212Uplink}). Counts readings sent, acknowledged, refused by the gateway, and failed.
 */
public interface Uplink extends AutoCloseable {

    /** One reading of a batch. */
    record Value(String pointId, long ts, double v) {
    }

    boolean has(String enterprise);

    /** Sends one batch of the enterprise's readings (one moment); waits while too many are unanswered. */
    void publish(String enterprise, List<Value> batch) throws InterruptedException;

    /** Waits until every batch sent has been answered (or the time is up). */
    boolean awaitAnswered(long timeoutMs) throws InterruptedException;

    long sent();

    long acknowledged();

    long refused();

    long failed();

    @Override
    void close();

    /** Waits until every window is whole again (all its permits back), within one deadline. */
    static boolean awaitWindows(java.util.Collection<java.util.concurrent.Semaphore> windows, int permits,
            long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        for (java.util.concurrent.Semaphore w : windows) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0 || !w.tryAcquire(permits, left, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return false;
            }
            w.release(permits);
        }
        return true;
    }
}
