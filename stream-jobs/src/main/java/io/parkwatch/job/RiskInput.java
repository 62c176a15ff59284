package io.parkwatch.job;

import io.parkwatch.rules.dataquality.PointQuality;
import io.parkwatch.rules.model.AlertEvent;

/** What the risk stage reads besides the configuration: an alert event, or a point's hour of data quality. */
record RiskInput(AlertEvent event, PointQuality quality) {

    static RiskInput of(AlertEvent e) {
        return new RiskInput(e, null);
    }

    static RiskInput of(PointQuality q) {
        return new RiskInput(null, q);
    }
}
