package io.parkwatch.recorder;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.parkwatch.rules.model.AlertCommand;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.Reading;

/**
 * How ParkWatch records look in InfluxDB. Timestamps are the event's own (ms), and the tags identify
 * the series, so writing the same record twice overwrites it: replays after a failure are harmless.
 */
public final class LineProtocol {

    private LineProtocol() {
    }

    /**
     * Measurement {@code reading}: tags enterprise, point, kind, tank, zone, logger, quality, source (who sent it);
     * field value.
     */
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
            p.addTag("logger", point.loggerOrEnterprise());
        }
        if (r.source() != null) {
            p.addTag("source", r.source());
        }
        return p.toLineProtocol();
    }

    /** Measurement {@code alert_event}: tags enterprise, point, kind, rule, level, type; the rest as fields. */
    public static String alertEvent(AlertEvent e) {
        Point p = Point.measurement("alert_event")
                .addTag("type", e.type().name())
                .addField("event_id", e.eventId())
                .addField("alert_id", e.alertId())
                .addField("seq", e.seq())
                .addField("value", e.value())
                .addField("limit", e.limit())
                .addField("message", e.message())
                .time(e.eventTime(), WritePrecision.MS);
        // a refused command on an unknown alert has no point, rule or level
        tag(p, "enterprise", e.enterpriseId());
        tag(p, "point", e.pointId());
        tag(p, "kind", e.kind() == null ? null : e.kind().fileName());
        tag(p, "rule", e.ruleId());
        tag(p, "level", e.level() == null ? null : e.level().label());
        tag(p, "tank", e.tank());
        if (e.direction() != null) {
            p.addField("direction", e.direction().name());
        }
        if (e.actor() != null) {
            p.addField("actor", e.actor());
        }
        if (e.note() != null) {
            p.addField("note", e.note());
        }
        return p.toLineProtocol();
    }

    /** Measurement {@code alert_command}: who did what to which alert, and when (the audit trail). */
    public static String alertCommand(AlertCommand c) {
        Point p = Point.measurement("alert_command")
                .addTag("type", c.type().name())
                .addTag("role", c.role().name())
                .addField("command_id", c.commandId())
                .addField("alert_id", c.alertId())
                .addField("user", c.user())
                .time(c.issuedAt(), WritePrecision.MS);
        tag(p, "enterprise", c.enterpriseId());
        if (c.note() != null) {
            p.addField("note", c.note());
        }
        return p.toLineProtocol();
    }

    /**
     * Measurement {@code risk}: tags subject (an enterprise or "park") and colour; fields score, rank (0 blue to 3
     * red, for Grafana's thresholds) and the main reason's cause.
     */
    public static String riskLevel(io.parkwatch.rules.risk.RiskLevel l) {
        Point p = Point.measurement("risk")
                .addTag("subject", l.subject())
                .addTag("colour", l.colour().wire())
                .addField("score", l.score())
                .addField("rank", l.colour().ordinal())
                .time(l.at(), WritePrecision.MS);
        if (!l.reasons().isEmpty()) {
            p.addField("main_cause", l.reasons().get(0).cause());
        }
        return p.toLineProtocol();
    }

    /**
     * Measurement {@code risk_warning}: tags subject, colour, kind (colour or commitment-missing); fields the id, the
     * colour before, the score and whether it rose.
     */
    public static String riskWarning(io.parkwatch.rules.risk.RiskWarning w) {
        return Point.measurement("risk_warning")
                .addTag("subject", w.level().subject())
                .addTag("colour", w.level().colour().wire())
                .addTag("kind", w.kind())
                .addField("warning_id", w.warningId())
                .addField("previous", w.previous().wire())
                .addField("score", w.level().score())
                .addField("rising", w.rising())
                .time(w.level().at(), WritePrecision.MS).toLineProtocol();
    }

    private static void tag(Point p, String key, String value) {
        if (value != null && !value.isEmpty()) {
            p.addTag(key, value);
        }
    }
}
