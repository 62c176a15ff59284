package io.parkwatch.console.http;

/**
 * How the live feed keeps up with its boards. A board that reads slower than alerts change (a flood on a slow
 * link, a tab in a frozen laptop) is not queued for without end: while its connection holds more than the high
 * water mark unsent, its messages are withheld, and once it has drained it gets a fresh snapshot of the whole
 * board, so it shows the present, never a gap.
 *
 * @param boards           boards connected now
 * @param behind           boards not showing the present board: their messages withheld, or their snapshot still being sent
 * @param withheld         messages withheld since start (each was superseded by the snapshot that followed)
 * @param resyncs          fresh snapshots sent to boards that had fallen behind
 * @param mostPendingBytes the most bytes any board's connection held unsent, since start
 */
public record LiveFeedHealth(int boards, int behind, long withheld, long resyncs, long mostPendingBytes) {
}
