package io.parkwatch.rules.model;

/**
 * A data logger's statistics of a point over an interval (HJ 212 minute, hour and day data): kept
 * as reported, for reports and trends; the rules work on real-time readings.
 *
 * @param interval   minute, hour or day
 * @param start      start of the interval (the packet's DataTime), epoch ms
 * @param avg        average, or NaN when not reported
 * @param min        minimum, or NaN when not reported
 * @param max        maximum, or NaN when not reported
 * @param quality    the data flag
 * @param receivedAt when the gateway took it, epoch ms
 */
public record ReadingStats(String pointId, String enterpriseId, String interval, long start, double avg, double min,
        double max, Quality quality, long receivedAt) {
}
