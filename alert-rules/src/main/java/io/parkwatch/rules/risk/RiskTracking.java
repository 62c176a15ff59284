package io.parkwatch.rules.risk;

import io.parkwatch.rules.config.Enterprise;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.text.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The live risk of every enterprise and of the park, a pure state machine over the park's {@link RiskBook}.
 * <ul>
 *   <li>An alert event keeps the book's open alarms: a raise adds one (announced unless an alarm-management state
 *       holds it back), a level change or an acknowledgement updates it, shelving or masking makes it unannounced,
 *       closing removes it.</li>
 *   <li>{@link #assess} scores every enterprise of the registry and the park ({@link RiskAssessment}). A colour rises
 *       at once and falls only past the model's deadband; each change is a {@link RiskWarning} with its reasons,
 *       numbered per subject. A subject seen for the first time is taken to have been blue, so only a first colour
 *       above blue warns.</li>
 *   <li>A level is reported when its colour, score or causes changed since the last one reported.</li>
 * </ul>
 */
public final class RiskTracking {

    /** What one assessment found: the levels that changed, and the warnings (colour changes). */
    public record Assessed(List<RiskLevel> levels, List<RiskWarning> warnings) {
    }

    private RiskTracking() {
    }

    /**
     * Keeps the book's open alarms.
     *
     * @param ruleType the kind of a rule by its id (threshold, stale, shutdown-activity...), or null
     */
    public static void apply(RiskBook b, AlertEvent e, Function<String, String> ruleType, long wallNow) {
        if (e.eventTime() > b.lastEventTime) {
            b.lastEventTime = e.eventTime();
            b.lastSeenAt = wallNow;
        }
        OpenAlarm a = b.open.get(e.alertId());
        switch (e.type()) {
            case RAISED -> b.open.put(e.alertId(), new OpenAlarm(e.alertId(), e.enterpriseId(), e.pointId(),
                    ruleType.apply(e.ruleId()), e.level(), e.kind(), e.category(), e.eventTime(), false,
                    e.heldBack() == null));
            case REPEATED -> {
                if (a != null) {
                    b.open.put(e.alertId(), a.withLevel(e.level()).withAnnounced(e.heldBack() == null));
                }
            }
            case LEVEL_CHANGED -> {
                if (a != null && e.level() != null) {
                    b.open.put(e.alertId(), a.withLevel(e.level()));
                }
            }
            case ACKNOWLEDGED -> {
                if (a != null) {
                    b.open.put(e.alertId(), a.withAcknowledged(true));
                }
            }
            case SHELVED -> {
                if (a != null) {
                    b.open.put(e.alertId(), a.withAnnounced(false));
                }
            }
            case UNSHELVED -> {
                if (a != null) {
                    boolean byHand = e.actor() != null && !"shelving".equals(e.actor());
                    b.open.put(e.alertId(), a.withAnnounced(true).withAcknowledged(a.acknowledged() || byHand));
                }
            }
            case CLOSED -> b.open.remove(e.alertId());
            default -> {
            }
        }
    }

    /** Keeps each enterprise's data quality of its latest hour. */
    public static void quality(RiskBook b, io.parkwatch.rules.dataquality.PointQuality q) {
        b.quality.put(q.enterpriseId(), QualityHour.with(b.quality.get(q.enterpriseId()), q));
    }

    /** Scores every enterprise and the park at {@code now} (event time); the warnings for colours that changed. */
    public static Assessed assess(RiskBook b, RiskContext c, long now) {
        List<RiskLevel> levels = new ArrayList<>();
        List<RiskLevel> enterprises = new ArrayList<>();
        List<RiskWarning> warnings = new ArrayList<>();
        String today = java.time.Instant.ofEpochMilli(now).atZone(c.zone()).toLocalDate().toString();
        for (Enterprise e : c.registry().enterprises()) {
            RiskLevel l = settle(b, c, RiskAssessment.enterprise(c, e.id(), b.open.values(),
                    b.quality.get(e.id()), now), e.name(),
                    levels, warnings);
            enterprises.add(l);
            // a commitment missing past its due time is told once a day, whatever the colour
            boolean missing = l.reasons().stream().anyMatch(r -> r.cause().equals("commitment-missing"));
            if (missing && !today.equals(b.commitmentNoticed.get(e.id()))) {
                b.commitmentNoticed.put(e.id(), today);
                warnings.add(new RiskWarning("commitment-" + e.id() + "-" + today, 0, l.colour(), l,
                        Message.of("risk.commitment-missing", e.name(), c.model().commitmentDue().toString()),
                        List.of(), RiskWarning.COMMITMENT_MISSING));
            }
        }
        Map<String, String> names = new java.util.HashMap<>();
        c.registry().enterprises().forEach(e -> names.put(e.id(), e.name()));
        settle(b, c, RiskAssessment.park(c.model(), enterprises, id -> names.getOrDefault(id, id), now),
                c.registry().park().name(), levels, warnings);
        return new Assessed(levels, warnings);
    }

    /** The colour in force after this score (deadband), the warning if it changed, the level if it is news. */
    private static RiskLevel settle(RiskBook b, RiskContext c, RiskLevel plain, String name, List<RiskLevel> levels,
            List<RiskWarning> warnings) {
        RiskColour before = b.colours.getOrDefault(plain.subject(), RiskColour.BLUE);
        RiskColour now = c.model().next(before, plain.score());
        RiskLevel l = new RiskLevel(plain.subject(), now, plain.score(), plain.reasons(), plain.at());
        b.colours.put(plain.subject(), now);
        if (now != before) {
            int seq = b.seqs.merge(plain.subject(), 1, Integer::sum);
            // the main causes, largest first, each named once
            List<String> causes = l.reasons().stream().map(r -> Message.term("risk.cause." + r.cause())).distinct()
                    .limit(3).toList();
            warnings.add(new RiskWarning("risk-" + plain.subject() + "-" + seq, seq, before, l,
                    Message.of(now.compareTo(before) > 0 ? "risk.warning.rise" : "risk.warning.fall", name,
                            before.term(), now.term(), Math.round(l.score()), Message.list(causes)), List.of()));
        }
        int fingerprint = Objects.hash(now, l.score(), l.reasons().stream().map(r -> r.cause() + "|" + r.subject())
                .toList());
        if (!Objects.equals(b.published.get(plain.subject()), fingerprint)) {
            b.published.put(plain.subject(), fingerprint);
            levels.add(l);
        }
        return l;
    }
}
