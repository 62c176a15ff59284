package io.parkwatch.console.feed;

import io.parkwatch.rules.dataquality.QualityFigures;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.risk.RiskAssessment;
import io.parkwatch.rules.risk.RiskLevel;
import io.parkwatch.rules.risk.RiskReason;
import io.parkwatch.rules.risk.RiskWarning;
import io.parkwatch.rules.text.Catalogue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What ParkWatch knows, as feed messages: in the park's language and on its clock. */
public final class FeedMessages {

    /** The alarm changes an upstream platform follows (the rest, reminders and comments, stay in the park). */
    static final Set<AlertEventType> ALARM_EVENTS = Set.of(AlertEventType.RAISED, AlertEventType.LEVEL_CHANGED,
            AlertEventType.RECOVERED, AlertEventType.ACKNOWLEDGED, AlertEventType.CLOSED);

    private final String park;
    private final ZoneId zone;
    private final Catalogue words;

    public FeedMessages(String park, ZoneId zone, Catalogue words) {
        this.park = park;
        this.zone = zone;
        this.words = words.inZone(zone);
    }

    public FeedMessage riskLevel(RiskLevel l) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("subject", l.subject());
        d.put("colour", l.colour().wire());
        d.put("score", l.score());
        d.put("reasons", reasons(l.reasons()));
        return message("risk-level:" + l.subject() + ":" + l.at(), "risk-level", l.subject(), l.at(), d);
    }

    public FeedMessage riskWarning(RiskWarning w) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("subject", w.level().subject());
        d.put("previous", w.previous().wire());
        d.put("colour", w.level().colour().wire());
        d.put("rising", w.rising());
        d.put("kind", w.kind());
        d.put("score", w.level().score());
        d.put("text", words.render(w.text()));
        d.put("reasons", reasons(w.level().reasons()));
        return message(w.warningId(), "risk-warning", w.level().subject(), w.level().at(), d);
    }

    /** An alarm's change an upstream platform follows, or empty for the others. */
    public Optional<FeedMessage> alarm(AlertEvent e) {
        if (!ALARM_EVENTS.contains(e.type()) || e.level() == null || e.pointId() == null) {
            return Optional.empty();
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("alertId", e.alertId());
        d.put("event", e.type().name());
        d.put("point", e.pointId());
        d.put("kind", e.kind() == null ? null : e.kind().fileName());
        d.put("level", e.level().name());
        if (Double.isFinite(e.value())) {
            d.put("value", e.value());
        }
        if (Double.isFinite(e.limit())) {
            d.put("limit", e.limit());
        }
        d.put("unit", e.unit());
        d.put("open", e.type() != AlertEventType.CLOSED);
        if (e.type() == AlertEventType.ACKNOWLEDGED) {
            d.put("acknowledgedBy", e.actor());
        }
        d.put("text", e.text() == null ? String.valueOf(e.message()) : words.render(e.text()));
        return Optional.of(message("alarm:" + e.eventId(), "alarm", e.enterpriseId(), e.eventTime(), d));
    }

    /** A day's figures of an enterprise or a data logger. */
    public FeedMessage dataQuality(LocalDate day, QualityFigures f) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("day", day.toString());
        d.put("level", f.level());
        d.put("subject", f.subject());
        d.put("onlineRate", f.onlineRate());
        d.put("completeness", f.completeness());
        d.put("received", f.received());
        d.put("expected", f.expected());
        d.put("delayMedianMs", f.delayMedianMs() < 0 ? null : f.delayMedianMs());
        d.put("delayP95Ms", f.delayP95Ms() < 0 ? null : f.delayP95Ms());
        d.put("abnormalShare", f.abnormalShare());
        long at = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return message("data-quality:" + day + ":" + f.level() + ":" + f.subject(), "data-quality", f.enterpriseId(),
                at, d);
    }

    private List<Map<String, Object>> reasons(List<RiskReason> reasons) {
        return reasons.stream().map(r -> reason(r, words)).toList();
    }

    /** A contribution as the feed and the API give it: cause, subject, points, and the text in that language. */
    public static Map<String, Object> reason(RiskReason r, Catalogue words) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cause", r.cause());
        m.put("subject", r.subject());
        m.put("points", r.points());
        m.put("text", words.render(r.text()));
        return m;
    }

    private FeedMessage message(String id, String type, String subject, long at, Map<String, Object> data) {
        String enterprise = RiskAssessment.PARK.equals(subject) ? null : subject;
        return new FeedMessage(FeedMessage.SCHEMA, id, type, park, enterprise,
                OffsetDateTime.ofInstant(Instant.ofEpochMilli(at), zone).toString(), data);
    }
}
