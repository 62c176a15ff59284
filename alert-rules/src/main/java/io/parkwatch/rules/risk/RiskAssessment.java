package io.parkwatch.rules.risk;

import io.parkwatch.rules.config.Enterprise;
import io.parkwatch.rules.config.HazardSource;
import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.text.Message;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Scores an enterprise's risk from what is true now, and the park's from its enterprises'. Pure: the same inputs
 * give the same score. What adds what is {@link RiskModel}'s; in short:
 * <ul>
 *   <li>each major hazard source by its grade (the enterprise's base);</li>
 *   <li>each alarm not yet closed by its level, times its kind's factor (gas counts more), and, while announced and
 *       nobody has answered it, the largest unanswered step its age has reached;</li>
 *   <li>each open data-quality alarm, each data logger offline, each alarm of activity where the plant is declared
 *       shut down;</li>
 *   <li>the largest operating mode the plant or one of its units is in (start-up, turnaround...);</li>
 *   <li>each special operation the day's safety commitment plans; the commitment missing after its due time;</li>
 *   <li>the park: its highest enterprise's score plus a share for each other enterprise by its colour.</li>
 * </ul>
 */
public final class RiskAssessment {

    /** The park's own subject. */
    public static final String PARK = "park";
    /** An enterprise in flood could list hundreds of alarms: the level keeps its largest contributions. */
    static final int MAX_REASONS = 30;

    private RiskAssessment() {
    }

    /** The enterprise's score and its contributions now; the colour is the plain colour of the score. */
    public static RiskLevel enterprise(RiskContext c, String enterprise, Collection<OpenAlarm> alarms, long now) {
        return enterprise(c, enterprise, alarms, null, now);
    }

    /** The same, with the enterprise's data quality of its latest hour (or null before the first one). */
    public static RiskLevel enterprise(RiskContext c, String enterprise, Collection<OpenAlarm> alarms,
            QualityHour quality, long now) {
        RiskModel m = c.model();
        List<RiskReason> reasons = new ArrayList<>();
        for (HazardSource h : c.registry().hazardSources()) {
            if (h.enterpriseId().equals(enterprise) && h.grade() > 0) {
                reasons.add(new RiskReason("hazard-source", h.id(), m.grades()[h.grade()],
                        Message.of("risk.reason.hazard-source", h.name(), Message.term("risk.grade." + h.grade()))));
            }
        }
        for (OpenAlarm a : alarms) {
            if (enterprise.equals(a.enterpriseId())) {
                alarm(m, a, now, reasons);
            }
        }
        mode(c, enterprise, now, reasons);
        ZonedDateTime local = ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(now), c.zone());
        Optional<Commitment> today = c.commitment(enterprise, local.toLocalDate());
        today.ifPresent(t -> t.specialOperations().forEach(op -> reasons.add(new RiskReason("special-operation", op,
                m.specialOperations().getOrDefault(op, m.otherOperation()),
                Message.of("risk.reason.special-operation", Commitment.OPERATIONS.contains(op)
                        ? Message.term("operation." + op) : op)))));
        long due = local.toLocalDate().atTime(m.commitmentDue()).atZone(c.zone()).toInstant().toEpochMilli();
        if (today.isPresent() && today.get().submittedAt() > due && m.commitmentLate() > 0) {
            reasons.add(new RiskReason("commitment-late", null, m.commitmentLate(), Message.of(
                    "risk.reason.commitment-late", Message.time(today.get().submittedAt()), m.commitmentDue().toString())));
        }
        if (today.isEmpty() && !local.toLocalTime().isBefore(m.commitmentDue()) && m.commitmentMissing() > 0) {
            reasons.add(new RiskReason("commitment-missing", null, m.commitmentMissing(),
                    Message.of("risk.reason.commitment-missing", m.commitmentDue().toString())));
        }
        if (quality != null && quality.onlineRate() < m.onlineBelow() && m.onlineAdd() > 0) {
            reasons.add(new RiskReason("data-quality", "online-rate", m.onlineAdd(), Message.of(
                    "risk.reason.online-rate", percent(quality.onlineRate()), percent(m.onlineBelow()))));
        }
        if (quality != null && quality.completeness() < m.completeBelow() && m.completeAdd() > 0) {
            reasons.add(new RiskReason("data-quality", "completeness", m.completeAdd(), Message.of(
                    "risk.reason.completeness", percent(quality.completeness()), percent(m.completeBelow()))));
        }
        return level(m, enterprise, reasons, now);
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", share * 100);
    }

    /** The park: its highest enterprise's score, plus the model's share for each other enterprise by colour. */
    public static RiskLevel park(RiskModel m, Collection<RiskLevel> enterprises, java.util.function.Function<String,
            String> names, long now) {
        List<RiskLevel> sorted = enterprises.stream().sorted(Comparator.comparingDouble(RiskLevel::score).reversed()
                .thenComparing(RiskLevel::subject)).toList();
        List<RiskReason> reasons = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            RiskLevel e = sorted.get(i);
            double points = i == 0 ? e.score() : m.park().getOrDefault(e.colour(), 0.0);
            if (points > 0) {
                reasons.add(new RiskReason("enterprise", e.subject(), points, Message.of("risk.reason.enterprise",
                        names.apply(e.subject()), e.colour().term(), Math.round(e.score()))));
            }
        }
        return level(m, PARK, reasons, now);
    }

    private static void alarm(RiskModel m, OpenAlarm a, long now, List<RiskReason> reasons) {
        String level = Message.term("level." + a.level().name().toLowerCase(java.util.Locale.ROOT));
        if (a.loggerOffline()) {
            reasons.add(new RiskReason("logger-offline", a.subject(), m.loggerOffline(),
                    Message.of("risk.reason.logger-offline", a.subject().substring("logger:".length()))));
            return;
        }
        if (a.category() == AlertCategory.DATA_QUALITY) {
            reasons.add(new RiskReason("data", a.subject(), m.dataAlarm(), Message.of("risk.reason.data", a.subject())));
            return;
        }
        double factor = a.kind() == null ? 1 : m.kinds().getOrDefault(a.kind(), 1.0);
        reasons.add(new RiskReason("alarm", a.subject(), m.alarms().getOrDefault(a.level(), 0.0) * factor,
                Message.of("risk.reason.alarm", a.subject(), level)));
        if ("shutdown-activity".equals(a.ruleType())) {
            reasons.add(new RiskReason("shut-down-activity", a.subject(), m.shutDownActivity(),
                    Message.of("risk.reason.shut-down-activity", a.subject())));
        }
        if (a.announced() && !a.acknowledged()) {
            long waited = now - a.raisedAt();
            m.unanswered().stream().filter(s -> waited >= s.after().toMillis()).reduce((x, y) -> y).ifPresent(s ->
                    reasons.add(new RiskReason("unanswered", a.subject(), s.add(), Message.of("risk.reason.unanswered",
                            a.subject(), level, Duration.ofMillis(waited).toMinutes()))));
        }
    }

    /** The largest weighted mode among the plant and its units (a plant in turnaround counts once, not per unit). */
    private static void mode(RiskContext c, String enterprise, long now, List<RiskReason> reasons) {
        RiskReason worst = null;
        List<String> subjects = new ArrayList<>();
        subjects.add(null);
        subjects.addAll(c.registry().unitsOf(enterprise));
        for (String unit : subjects) {
            String mode = c.operations().modeOf(enterprise, unit, now);
            double points = c.model().modes().getOrDefault(mode, 0.0);
            if (points > 0 && (worst == null || points > worst.points())) {
                String subject = unit == null ? enterprise : unit;
                worst = new RiskReason("mode", subject, points, Message.of("risk.reason.mode",
                        unit == null ? name(c, enterprise) : unit, Message.term("mode." + mode)));
            }
        }
        if (worst != null) {
            reasons.add(worst);
        }
    }

    private static String name(RiskContext c, String enterprise) {
        return c.registry().enterprise(enterprise).map(Enterprise::name).orElse(enterprise);
    }

    private static RiskLevel level(RiskModel m, String subject, List<RiskReason> reasons, long now) {
        double score = reasons.stream().mapToDouble(RiskReason::points).sum();
        List<RiskReason> largest = reasons.stream().sorted(Comparator.comparingDouble(RiskReason::points).reversed())
                .limit(MAX_REASONS).toList();
        return new RiskLevel(subject, m.colourOf(score), Math.round(score * 10) / 10.0, largest, now);
    }
}
