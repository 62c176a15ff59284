package io.parkwatch.rules.dataquality;

/**
 * Data-quality figures of a point, a data logger or an enterprise over a period (an hour, a day).
 *
 * @param level          {@code point}, {@code logger} or {@code enterprise}
 * @param subject        the point, logger or enterprise id
 * @param enterpriseId   its enterprise
 * @param hours          point-hours (for a point: hours) the figures cover
 * @param onlineRate     在线率, 0 to 1: a point's online time over the period; a logger is online while any of its
 *                       points is; an enterprise's is the mean of its loggers'
 * @param completeness   完整率, 0 to 1: readings received (at most the expected, per point and hour) / expected
 * @param received       readings received
 * @param expected       readings expected from the reporting intervals
 * @param delayMedianMs  timeliness: sensor time to arrival, median (ms), -1 without readings
 * @param delayP95Ms     the same, 95th percentile
 * @param abnormalShare  share of readings flagged abnormal or out of the instrument's range, 0 to 1
 */
public record QualityFigures(String level, String subject, String enterpriseId, long hours, double onlineRate,
        double completeness, long received, long expected, long delayMedianMs, long delayP95Ms, double abnormalShare) {
}
