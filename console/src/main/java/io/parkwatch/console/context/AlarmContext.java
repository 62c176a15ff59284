package io.parkwatch.console.context;

import io.parkwatch.console.park.RecentReadings;
import java.util.List;

/**
 * The readings around one alarm, kept as a record of its own: its point and its neighbours (same tank or unit, same
 * zone) from a while before it was raised until a while after it recovered.
 *
 * @param alertId  the alarm
 * @param from     first reading time asked for, epoch ms
 * @param to       last reading time asked for, epoch ms
 * @param complete false when the alarm was still open when the record was cut (a console restart, too long an alarm)
 * @param points   the alarm's point first, then its neighbours
 */
public record AlarmContext(String alertId, long from, long to, boolean complete, List<PointReadings> points) {

    /**
     * @param relation  "alarm" for the alarm's own point, else "tank", "zone"
     * @param truncated whether readings were left out to keep the record bounded
     */
    public record PointReadings(String pointId, String name, String unit, String relation, boolean truncated,
            List<RecentReadings.Sample> readings) {
    }
}
