package io.parkwatch.job.influx;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.Reading;
import java.io.Serializable;
import java.util.function.Function;

/**
 * How ParkWatch records look in InfluxDB. Timestamps are the event's own (ms), and the tags identify
 * the series, so writing the same record twice overwrites it: replays after a failure are harmless.
 */
public final class LineProtocol {

    private LineProtocol() {
    }

    /** Measurement {@code reading}: tags enterprise, point, kind, tank, zone, quality; field value. */
    public static String reading(Reading r, io.parkwatch.rules.model.Point point) {
        Point p = Point.measurement("reading")
                .addTag("enterprise", r.enterpriseId())
                .addTag("point", r.pointId())
                .addTag("quality", r.quality().name())
                .addField("value", r.value())
                .time(r.timestamp(), WritePrecision.MS);
        if (point != null) {
            p.addTag("kind", point.kind().fileName());
            if (point.tank() != null) {
                p.addTag("tank", point.tank());
            }
            if (point.zone() != null) {
                p.addTag("zone", point.zone());
            }
        }
        return p.toLineProtocol();
    }

    /** Measurement {@code alert_event}: tags enterprise, point, kind, rule, level, type; the rest as fields. */
    public static String alertEvent(AlertEvent e) {
        Point p = Point.measurement("alert_event")
                .addTag("enterprise", e.enterpriseId())
                .addTag("point", e.pointId())
                .addTag("kind", e.kind().fileName())
                .addTag("rule", e.ruleId())
                .addTag("level", e.level().label())
                .addTag("type", e.type().name())
                .addField("event_id", e.eventId())
                .addField("alert_id", e.alertId())
                .addField("seq", e.seq())
                .addField("value", e.value())
                .addField("limit", e.limit())
                .addField("direction", e.direction().name())
                .addField("message", e.message())
                .time(e.eventTime(), WritePrecision.MS);
        if (e.tank() != null) {
            p.addTag("tank", e.tank());
        }
        return p.toLineProtocol();
    }

    /** A serializable mapping of a record to its line, for the sink. */
    public interface Mapper<T> extends Function<T, String>, Serializable {
    }
}
