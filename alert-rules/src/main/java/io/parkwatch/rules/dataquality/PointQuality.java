package io.parkwatch.rules.dataquality;

/**
 * A point's data quality over one hour, as the national monitoring system judges it.
 *
 * @param pointId       the point
 * @param enterpriseId  its enterprise
 * @param logger        the data logger it reports through (its enterprise's when points.yaml names none)
 * @param hourStart     the hour, epoch ms
 * @param expected      readings expected from its reporting interval (3,600 s / interval)
 * @param received      readings received (a repeated timestamp counts once)
 * @param onlineMs      time it was online: within three reporting intervals of a reading (the offline rule)
 * @param abnormal      readings flagged fault, calibration, over range or comms fault, or outside the instrument's
 *                      range
 * @param delays        sensor time to arrival at the gateway (timeliness)
 */
public record PointQuality(String pointId, String enterpriseId, String logger, long hourStart, long expected,
        long received, long onlineMs, long abnormal, DelayHistogram delays) {

    public static final long HOUR_MS = 3_600_000L;

    /** Online rate (在线率), 0 to 1. */
    public double onlineRate() {
        return Math.min(1.0, onlineMs / (double) HOUR_MS);
    }

    /** Completeness (完整率): received / expected, at most 1. */
    public double completeness() {
        return expected == 0 ? 1.0 : Math.min(1.0, received / (double) expected);
    }

    /** Share of readings flagged abnormal, 0 to 1 (0 without readings). */
    public double abnormalShare() {
        return received == 0 ? 0 : abnormal / (double) received;
    }
}
