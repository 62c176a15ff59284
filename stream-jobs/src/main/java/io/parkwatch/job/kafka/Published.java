package io.parkwatch.job.kafka;

import io.parkwatch.rules.dataquality.PointQuality;
import io.parkwatch.rules.model.AlertEvent;

/**
 * A record the job published, read back by its analyses (risk, incidents): an alert event, or a point's hour of data
 * quality; the other is null.
 */
public record Published(AlertEvent event, PointQuality quality) {

    public static Published of(AlertEvent e) {
        return new Published(e, null);
    }

    public static Published of(PointQuality q) {
        return new Published(null, q);
    }
}
