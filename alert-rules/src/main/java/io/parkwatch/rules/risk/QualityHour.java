package io.parkwatch.rules.risk;

import io.parkwatch.rules.dataquality.PointQuality;

/**
 * An enterprise's data quality of its latest hour, as the risk assessment sees it: added up from its points' hours
 * as the job closes them (all of an enterprise's points close together).
 *
 * @param hourStart the hour, epoch ms
 * @param points    points counted
 * @param onlineMs  their online time, summed
 * @param counted   readings received, at most the expected per point
 * @param expected  readings expected
 */
public record QualityHour(long hourStart, long points, long onlineMs, long counted, long expected) {

    /** This hour with one more point's, a newer hour instead, or this one unchanged for an older point-hour. */
    public static QualityHour with(QualityHour h, PointQuality q) {
        QualityHour one = new QualityHour(q.hourStart(), 1, q.onlineMs(), Math.min(q.received(), q.expected()),
                q.expected());
        if (h == null || q.hourStart() > h.hourStart()) {
            return one;
        }
        if (q.hourStart() < h.hourStart()) {
            return h;
        }
        return new QualityHour(h.hourStart, h.points + 1, h.onlineMs + one.onlineMs, h.counted + one.counted,
                h.expected + one.expected);
    }

    /** The mean online rate of its points. */
    public double onlineRate() {
        return points == 0 ? 1 : Math.min(1, onlineMs / (double) (points * PointQuality.HOUR_MS));
    }

    public double completeness() {
        return expected == 0 ? 1 : counted / (double) expected;
    }
}
