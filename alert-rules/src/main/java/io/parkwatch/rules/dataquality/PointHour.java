package io.parkwatch.rules.dataquality;

import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;

/**
 * What one point's readings of the current hour add up to, as they come; {@link #close} gives its
 * {@link PointQuality}. Plain fields, kept as JSON in the job's state. Online time: a reading keeps the point online
 * for three reporting intervals (the offline rule), within the hour.
 */
public final class PointHour {

    public long hourStart;
    public long received;
    public long abnormal;
    public long onlineMs;
    /** the latest reading's time, 0 before any (it may be of the hour before: the point was online into this one) */
    public long last;
    public DelayHistogram delays = new DelayHistogram();

    public static long hourOf(long t) {
        return Math.floorDiv(t, PointQuality.HOUR_MS) * PointQuality.HOUR_MS;
    }

    /** A new hour, continuing from the reading before it. */
    public static PointHour starting(long hourStart, long lastBefore) {
        PointHour h = new PointHour();
        h.hourStart = hourStart;
        h.last = lastBefore;
        return h;
    }

    /** Counts a reading of this hour (a repeated or older timestamp adds nothing). */
    public void add(Reading r, Point p) {
        if (r.timestamp() <= last && last >= hourStart) {
            return; // repeated, or out of order within the hour: already counted as online time
        }
        onlineMs += covered(p, r.timestamp());
        last = r.timestamp();
        received++;
        if (abnormal(r, p)) {
            abnormal++;
        }
        delays.add(r.receivedAt() - r.timestamp());
    }

    /** The hour's figures; the online time runs on after the last reading up to the hour's end. */
    public PointQuality close(Point p) {
        long end = hourStart + PointQuality.HOUR_MS;
        long online = onlineMs + covered(p, end);
        long expected = Math.max(1, PointQuality.HOUR_MS / Math.max(1, p.expectedInterval().toMillis()));
        return new PointQuality(p.id(), p.enterpriseId(), p.loggerOrEnterprise(), hourStart, expected, received, online,
                abnormal, delays);
    }

    /** The online time between the last reading (or the hour's start) and {@code until}. */
    private long covered(Point p, long until) {
        if (last == 0) {
            return 0;
        }
        long from = Math.max(last, hourStart);
        long reach = Math.min(last + 3 * p.expectedInterval().toMillis(), until);
        return Math.max(0, reach - from);
    }

    static boolean abnormal(Reading r, Point p) {
        return r.quality() == Quality.D || r.quality() == Quality.C || r.quality() == Quality.T
                || r.quality() == Quality.B || p.outOfRange(r.value());
    }
}
