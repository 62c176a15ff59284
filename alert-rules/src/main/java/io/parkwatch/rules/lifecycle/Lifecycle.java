package io.parkwatch.rules.lifecycle;

import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;
import io.parkwatch.rules.engine.AlertIds;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertCommand;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertState;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.HoldBack;
import io.parkwatch.rules.model.Recipient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;

/**
 * The alarm life cycle as Chinese parks name it (叫应 the acknowledgement, 消警 the closing): RAISED -> ACKNOWLEDGED (叫应) -> RECOVERED -> CLOSED (消警), with
 * LEVEL_CHANGED, REPEATED and ESCALATED on the same alert. An alert latches: a recovered alert stays
 * until acknowledged and closed. A re-alarm within the hold-off after recovery counts on the same
 * alert. Unanswered alerts escalate along the contact chain. Every command is applied or refused
 * with a reason, never ignored.
 *
 * <p>Shelving (ISA-18.2 / IEC 62682) belongs to the key, not to one alert: a shelved alarm's new occurrences
 * stay shelved until the shelving ends. While shelved, its events are recorded and shown but held back
 * ({@link HoldBack#SHELVED}) and it does not escalate. The shelving ends
 * <ul>
 * <li>by hand ({@code UNSHELVE}): the alarm returns acknowledged, by whoever unshelved it (ISA-18.2 11.7.3);</li>
 * <li>at its expiry: if the condition is still present, the alarm returns unacknowledged, is announced again and
 * its escalation starts over;</li>
 * <li>when the alarm rises above the level it had when shelved, or becomes a level-2 gas alarm (which can never
 * be shelved): as at expiry, and the rise is announced.</li>
 * </ul>
 * A level-2 gas alarm cannot be shelved, and no alarm longer than its level's maximum ({@link ShelvingPolicy}).
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** A detection update (raised, level changed, recovered) for this key. */
    public static List<AlertUpdate> onDetection(LifecycleState st, AlertUpdate u, long holdOffMs, EscalationPlan plan,
            long now) {
        List<AlertUpdate> out = new ArrayList<>(1);
        if (st.shelved() && risesAboveShelf(st, u)) {
            out.addAll(unshelve(st, "rise|" + u.event().eventId(), now, "shelving", null, plan, now,
                    Message.of("event.unshelved.rise", Message.term("level." + u.event().level().label()))));
        }
        boolean wasHeldBack = st.current != null && st.current.state().heldBack();
        List<AlertUpdate> detected = detection(st, u, holdOffMs, plan, now);
        if (!st.shelved()) {
            if (st.current != null && st.current.state().heldBack()) {
                st.nextEscalationAt = 0; // masked, out of service, suppressed by mode: nobody is called
            } else if (wasHeldBack && st.current != null && st.current.state() == AlertState.ACTIVE
                    && st.nextEscalationAt == 0) {
                schedule(st, plan, now); // no longer held back and nobody has answered: the chain starts
            }
            out.addAll(detected);
            return out;
        }
        st.nextEscalationAt = 0; // a shelved alarm does not escalate
        for (AlertUpdate d : detected) {
            boolean ours = st.current != null && d.alert() == st.current;
            out.add(new AlertUpdate(d.event().heldBack(HoldBack.SHELVED, st.shelveReason).withUntil(st.shelvedUntil),
                    d.alert()));
            if (ours) {
                st.current = withShelf(st, st.current);
                out.set(out.size() - 1, new AlertUpdate(out.get(out.size() - 1).event(), st.current));
            }
        }
        return out;
    }

    private static boolean risesAboveShelf(LifecycleState st, AlertUpdate u) {
        AlertEvent e = u.event();
        if (e.type() == AlertEventType.RECOVERED || e.level() == null) {
            return false;
        }
        return e.level().isAbove(st.shelvedLevel) || HoldBack.neverHeldBack(e.kind(), e.level());
    }

    private static List<AlertUpdate> detection(LifecycleState st, AlertUpdate u, long holdOffMs, EscalationPlan plan,
            long now) {
        AlertEvent e = u.event();
        List<AlertUpdate> out = new ArrayList<>(1);
        if (e.type() == AlertEventType.RAISED) {
            // a closed alert stays closed: its disposal note documents that incident, so a new excursion
            // is a new alert even within the hold-off
            boolean repeat = st.current != null && st.condition == AlertState.RECOVERED
                    && !st.current.handlingOrNew().closed() && e.eventTime() - st.recoveredAt <= holdOffMs;
            if (repeat) {
                Alert.Handling h = st.current.handlingOrNew();
                int count = h.repeatCount() + 1;
                // a new excursion must be answered again, and its escalation starts over
                Alert.Handling next = atFirstTier(Alert.Handling.NEW.withRepeatCount(count), plan, st.current, now);
                st.detectionAlertId = e.alertId();
                st.condition = AlertState.ACTIVE;
                AlertEvent ev = remap(e, st.current.alertId(), AlertEventType.REPEATED, e.message()
                        + " (again within the hold-off: occurrence " + count + ")");
                st.heldBack = u.alert().heldBack();
                st.current = merged(st.current, u.alert(), ev, next);
                schedule(st, plan, now);
                out.add(new AlertUpdate(called(ev, plan, st.current, now), st.current));
                return out;
            }
            if (st.current != null && !st.current.handlingOrNew().closed()) {
                st.earlier.put(st.current.alertId(), st.current); // still awaits its people
            }
            st.detectionAlertId = e.alertId();
            st.condition = AlertState.ACTIVE;
            st.heldBack = u.alert().heldBack();
            Alert.Handling h = atFirstTier(Alert.Handling.NEW, plan, u.alert(), now);
            // an alert held back by the detection (a permit, out of service, the mode) stays visibly so
            st.current = u.alert().with(h, u.alert().heldBack() != null ? u.alert().heldBack().state()
                    : AlertState.ACTIVE);
            schedule(st, plan, now);
            out.add(new AlertUpdate(called(e, plan, st.current, now), st.current));
            return out;
        }
        if (st.current == null || !e.alertId().equals(st.detectionAlertId)) {
            out.add(u); // an excursion this state does not track (e.g. started before it existed): pass it on
            return out;
        }
        AlertEvent ev = e.alertId().equals(st.current.alertId()) ? e : remap(e, st.current.alertId(), e.type(), e.message());
        if (e.type() == AlertEventType.RECOVERED) {
            st.condition = AlertState.RECOVERED;
            st.recoveredAt = e.eventTime();
        }
        st.heldBack = u.alert().heldBack();
        st.current = merged(st.current, u.alert(), ev, st.current.handlingOrNew());
        if (e.type() == AlertEventType.LEVEL_CHANGED && st.nextEscalationAt > 0) {
            st.nextEscalationAt = Math.min(st.nextEscalationAt,
                    now + plan.within(st.current, st.current.handlingOrNew().escalationStage()).toMillis());
        }
        out.add(new AlertUpdate(ev, st.current));
        return out;
    }

    /** An operator command for an alert of this key, shelving at the default maxima. */
    public static List<AlertUpdate> onCommand(LifecycleState st, AlertCommand c, long now) {
        return onCommand(st, c, ShelvingPolicy.DEFAULT, EscalationPlan.NONE, now);
    }

    /** An operator command for an alert of this key. */
    public static List<AlertUpdate> onCommand(LifecycleState st, AlertCommand c, ShelvingPolicy shelving,
            EscalationPlan plan, long now) {
        Alert a = st.current != null && st.current.alertId().equals(c.alertId()) ? st.current : st.earlier.get(c.alertId());
        if (a == null) {
            return refuse(c, null, "refused.unknown-alert", c.alertId());
        }
        Alert.Handling h = a.handlingOrNew();
        if (h.closed()) {
            return refuse(c, a, "refused.already-closed", h.closedBy(), Message.time(h.closedAt()));
        }
        if (c.role() == AlertCommand.Role.ENTERPRISE_OPERATOR && !a.enterpriseId().equals(c.enterpriseId())) {
            return refuse(c, a, "refused.other-enterprise", c.enterpriseId(), a.enterpriseId());
        }
        boolean isCurrent = a == st.current;
        if (c.type() == AlertCommand.Type.SHELVE) {
            return shelve(st, a, isCurrent, c, shelving);
        }
        if (c.type() == AlertCommand.Type.UNSHELVE) {
            if (!st.shelved()) {
                return refuse(c, a, "refused.not-shelved");
            }
            return unshelve(st, "cmd|" + c.commandId(), c.issuedAt(), c.user(), c, plan, now,
                    Message.of("event.unshelved.by-hand", c.user()));
        }
        AlertState condition = isCurrent ? st.condition : AlertState.RECOVERED;
        boolean shelved = isCurrent && st.shelved();
        boolean noNote = c.note() == null || c.note().isBlank();
        Alert.Handling next;
        AlertEventType type;
        Message text;
        switch (c.type()) {
            case ACKNOWLEDGE -> {
                if (h.acknowledged()) {
                    return refuse(c, a, "refused.already-acknowledged", h.acknowledgedBy(),
                            Message.time(h.acknowledgedAt()));
                }
                next = h.withAcknowledgedBy(c.user()).withAcknowledgedAt(c.issuedAt());
                type = AlertEventType.ACKNOWLEDGED;
                text = Message.of("event.acknowledged", c.user());
            }
            case COMMENT -> {
                if (noNote) {
                    return refuse(c, a, "refused.comment-needs-text");
                }
                next = h;
                type = AlertEventType.COMMENTED;
                text = Message.of("event.commented", c.user(), c.note());
            }
            case CLOSE -> {
                if (noNote) {
                    return refuse(c, a, "refused.close-needs-note");
                }
                if (condition == AlertState.ACTIVE) {
                    return refuse(c, a, "refused.still-active");
                }
                next = closed(h, c);
                type = AlertEventType.CLOSED;
                text = Message.of("event.closed", c.user(), c.note());
            }
            case FORCE_CLOSE -> {
                if (c.role() != AlertCommand.Role.PARK_OFFICER) {
                    return refuse(c, a, "refused.force-close-officers-only");
                }
                if (noNote) {
                    return refuse(c, a, "refused.force-close-needs-reason");
                }
                next = closed(h, c);
                type = AlertEventType.CLOSED;
                text = Message.of("event.force-closed", c.user(), Message.term("state." + condition.name()), c.note());
            }
            default -> throw new IllegalArgumentException(c.type().toString());
        }
        AlertEvent ev = handlingEvent(a, type, "cmd|" + c.commandId(), c.issuedAt(), now, c.user(), c.note(), text);
        if (shelved) {
            ev = ev.heldBack(HoldBack.SHELVED, st.shelveReason); // the people's acts on it, not announced
        }
        Alert updated = a.with(next, isCurrent ? held(st) : condition, shelved);
        updated = withLast(updated, ev);
        if (isCurrent) {
            st.current = updated;
            if (next.acknowledged() || next.closed()) {
                st.nextEscalationAt = 0; // answered: the chain stops, and so do reminders and hand-overs
                st.nextReminderAt = 0;
                st.nextHandOverAt = 0;
            }
        } else if (next.closed()) {
            st.earlier.remove(a.alertId());
        } else {
            st.earlier.put(a.alertId(), updated);
        }
        return List.of(new AlertUpdate(ev, updated));
    }

    /** The wall-clock timer: a shelving that ends, then the next escalation step. */
    public static List<AlertUpdate> onDue(LifecycleState st, EscalationPlan plan, long now) {
        List<AlertUpdate> out = new ArrayList<>(1);
        if (st.shelved() && now >= st.shelvedUntil) {
            out.addAll(unshelve(st, "expiry|" + st.shelvedAt, now, "shelving", null, plan, now,
                    Message.of("event.unshelved.expired", st.shelvedBy, Message.time(st.shelvedAt))));
        }
        out.addAll(onEscalationDue(st, plan, now));
        out.addAll(onReminderDue(st, plan, now));
        out.addAll(onShiftChange(st, plan, now));
        return out;
    }

    /** Whether the current alert is open, unanswered and announced: what reminders and hand-overs are for. */
    private static boolean unanswered(LifecycleState st) {
        if (st.current == null) {
            return false;
        }
        Alert.Handling h = st.current.handlingOrNew();
        return !h.acknowledged() && !h.closed() && !st.shelved() && !st.current.state().heldBack();
    }

    /** The reminder timer: the tier that holds the unanswered alarm is called again. */
    public static List<AlertUpdate> onReminderDue(LifecycleState st, EscalationPlan plan, long now) {
        if (st.nextReminderAt == 0 || now < st.nextReminderAt) {
            return List.of();
        }
        long due = st.nextReminderAt;
        if (!unanswered(st)) {
            st.nextReminderAt = 0;
            return List.of();
        }
        Alert a = st.current;
        int stage = a.handlingOrNew().escalationStage();
        Optional<EscalationPlan.Step> s = plan.from(a, stage, now).filter(x -> x.index() == stage);
        Duration every = plan.remindEvery(a, stage);
        st.nextReminderAt = every == null ? 0 : now + every.toMillis();
        if (s.isEmpty()) {
            return List.of();
        }
        Contact who = s.get().contact();
        AlertEvent ev = handlingEvent(a, AlertEventType.REMINDED, "remind|" + a.handlingOrNew().repeatCount() + "|"
                + stage + "|" + due, now, now, "reminder", who.toString(),
                Message.of("event.reminded", who.name(), who.roleTerm(), who.phoneSuffix()))
                .withRecipients(List.of(recipient(s.get())));
        st.current = withLast(a, ev);
        return List.of(new AlertUpdate(ev, st.current));
    }

    /**
     * The shift-change timer: when the tier holding the unanswered alarm is a roster and the person on duty has
     * changed, the new one holds it now (an audited hand-over, and they are called).
     */
    public static List<AlertUpdate> onShiftChange(LifecycleState st, EscalationPlan plan, long now) {
        if (st.nextHandOverAt == 0 || now < st.nextHandOverAt) {
            return List.of();
        }
        if (!unanswered(st)) {
            st.nextHandOverAt = 0;
            return List.of();
        }
        Alert a = st.current;
        Alert.Handling h = a.handlingOrNew();
        int stage = h.escalationStage();
        st.nextHandOverAt = plan.nextShiftChange(stage, now);
        Optional<EscalationPlan.Step> s = plan.from(a, stage, now).filter(x -> x.index() == stage);
        if (s.isEmpty() || s.get().contact().toString().equals(h.notified())) {
            return List.of();
        }
        Contact who = s.get().contact();
        AlertEvent ev = handlingEvent(a, AlertEventType.HANDED_OVER, "handover|" + h.repeatCount() + "|" + stage + "|"
                + now, now, now, "roster", who.toString(), Message.of("event.handed-over", Contact.localizedName(
                        h.notified()), who.name(), who.roleTerm(), who.phoneSuffix()))
                .withRecipients(List.of(recipient(s.get())));
        st.current = withLast(a.with(h.withNotified(who.toString()), held(st), st.shelved()), ev);
        return List.of(new AlertUpdate(ev, st.current));
    }

    private static Recipient recipient(EscalationPlan.Step s) {
        return new Recipient(s.person().id(), s.person().name(), s.person().phone(), s.tier().id(), s.tier().name(),
                s.tier().channels());
    }

    /** The escalation timer: the next person in the chain, if the alert is still unanswered. */
    public static List<AlertUpdate> onEscalationDue(LifecycleState st, EscalationPlan plan, long now) {
        if (st.current == null || st.nextEscalationAt == 0 || now < st.nextEscalationAt || st.shelved()) {
            return List.of();
        }
        Alert a = st.current;
        Alert.Handling h = a.handlingOrNew();
        Optional<EscalationPlan.Step> next = plan.from(a, h.escalationStage() + 1, now);
        if (h.acknowledged() || h.closed() || next.isEmpty()) {
            st.nextEscalationAt = 0;
            return List.of();
        }
        EscalationPlan.Step s = next.get();
        Contact who = s.contact();
        AlertEvent ev = handlingEvent(a, AlertEventType.ESCALATED, "esc|" + h.repeatCount() + "|" + s.index(), now, now,
                "escalation", who.toString(), Message.of("event.escalated", who.name(), who.roleTerm(), who.phoneSuffix()))
                .withRecipients(List.of(recipient(s))).withUntil(now + plan.within(a, s.index()).toMillis());
        st.current = withLast(a.with(h.withEscalationStage(s.index()).withNotified(who.toString()), held(st),
                st.shelved()), ev);
        schedule(st, plan, now);
        return List.of(new AlertUpdate(ev, st.current));
    }

    /**
     * The timers of the tier that holds the current alert: the next tier after its time to acknowledge, its
     * reminders, and, for a roster, its next shift change.
     */
    private static void schedule(LifecycleState st, EscalationPlan plan, long now) {
        int stage = st.current.handlingOrNew().escalationStage();
        st.nextEscalationAt = stage + 1 < plan.tiers().size() ? now + plan.within(st.current, stage).toMillis() : 0;
        Duration every = plan.remindEvery(st.current, stage);
        st.nextReminderAt = every == null ? 0 : now + every.toMillis();
        st.nextHandOverAt = plan.nextShiftChange(stage, now);
    }

    /**
     * An event that calls the tier holding the alert (a raise, a repeat): with whom it reaches and by when it must
     * acknowledge, for the people's channels and the response figures.
     */
    private static AlertEvent called(AlertEvent ev, EscalationPlan plan, Alert a, long now) {
        int stage = a.handlingOrNew().escalationStage();
        return plan.from(a, stage, now).filter(s -> s.index() == stage)
                .map(s -> ev.withRecipients(List.of(recipient(s))).withUntil(now + plan.within(a, stage).toMillis()))
                .orElse(ev);
    }

    /** The handling of an alert that starts (or starts over) at the first tier that reaches someone now. */
    private static Alert.Handling atFirstTier(Alert.Handling h, EscalationPlan plan, Alert a, long now) {
        Optional<EscalationPlan.Step> s = plan.from(a, 0, now);
        return h.withEscalationStage(s.map(EscalationPlan.Step::index).orElse(0))
                .withNotified(s.map(x -> x.contact().toString()).orElse(null));
    }

    private static Alert.Handling closed(Alert.Handling h, AlertCommand c) {
        Alert.Handling answered = h.acknowledged() ? h // closing answers it too
                : h.withAcknowledgedBy(c.user()).withAcknowledgedAt(c.issuedAt());
        return answered.withClosedBy(c.user()).withClosedAt(c.issuedAt()).withCloseNote(c.note());
    }

    /** Shelves the key's alarm from one of its alerts, or refuses with the reason. */
    private static List<AlertUpdate> shelve(LifecycleState st, Alert a, boolean isCurrent, AlertCommand c,
            ShelvingPolicy policy) {
        if (!isCurrent) {
            return refuse(c, a, "refused.shelve-newer-alert", st.current.alertId());
        }
        if (st.shelved()) {
            return refuse(c, a, "refused.already-shelved", st.shelvedBy, Message.time(st.shelvedUntil));
        }
        if (HoldBack.neverHeldBack(a.kind(), a.level())) {
            return refuse(c, a, "refused.shelve-critical-gas");
        }
        if (c.note() == null || c.note().isBlank()) {
            return refuse(c, a, "refused.shelve-needs-reason");
        }
        long max = policy.max(a.level()).toMinutes();
        if (c.minutes() <= 0 || c.minutes() > max) {
            return refuse(c, a, "refused.shelve-too-long", c.minutes(), Message.term("level." + a.level().label()), max);
        }
        st.shelvedBy = c.user();
        st.shelvedAt = c.issuedAt();
        st.shelvedUntil = c.issuedAt() + c.minutes() * 60_000L;
        st.shelveReason = c.note();
        st.shelvedLevel = a.level();
        st.nextEscalationAt = 0; // paused: a shelved alarm does not escalate
        AlertEvent ev = handlingEvent(a, AlertEventType.SHELVED, "cmd|" + c.commandId(), c.issuedAt(), c.issuedAt(),
                c.user(), c.note(), Message.of("event.shelved", c.user(), Message.time(st.shelvedUntil), c.note()))
                .withUntil(st.shelvedUntil).heldBack(HoldBack.SHELVED, c.note());
        st.current = withLast(withShelf(st, a), ev);
        return List.of(new AlertUpdate(ev, st.current));
    }

    /**
     * Ends the key's shelving. By hand ({@code by} a command) the alarm returns acknowledged by whoever unshelved
     * it; otherwise (expiry, a rise in level) a still-active alarm returns unacknowledged and its escalation
     * starts over, as if just raised.
     */
    private static List<AlertUpdate> unshelve(LifecycleState st, String idSeed, long at, String actor, AlertCommand by,
            EscalationPlan plan, long now, Message text) {
        st.shelvedBy = null;
        st.shelvedAt = 0;
        st.shelvedUntil = 0;
        st.shelveReason = null;
        st.shelvedLevel = null;
        if (st.current == null) {
            return List.of();
        }
        Alert.Handling h = st.current.handlingOrNew();
        boolean active = st.condition == AlertState.ACTIVE && !h.closed();
        if (by != null) {
            if (!h.acknowledged() && !h.closed()) {
                h = h.withAcknowledgedBy(by.user()).withAcknowledgedAt(by.issuedAt());
            }
        } else if (active) {
            h = atFirstTier(h.unacknowledged(), plan, st.current, now);
        }
        Alert a = st.current.with(h, held(st));
        AlertEvent ev = handlingEvent(a, AlertEventType.UNSHELVED, idSeed, at, now, actor,
                by == null ? null : by.note(), text);
        st.current = withLast(a, ev);
        if (by == null && active) {
            schedule(st, plan, now);
        }
        return List.of(new AlertUpdate(ev, st.current));
    }

    /** The alert in the state its alarm's shelving gives it (SHELVED unless closed or recovered). */
    private static Alert withShelf(LifecycleState st, Alert a) {
        return a.with(a.handlingOrNew(), held(st), st.shelved());
    }

    /** The condition of the current excursion as the detection holds it: recovered, held back, or active. */
    private static AlertState held(LifecycleState st) {
        if (st.condition == AlertState.RECOVERED) {
            return AlertState.RECOVERED;
        }
        if (st.heldBack != null) {
            return st.heldBack.state();
        }
        // state of an earlier version: only a permit held alarms back, and the alert showed it
        return st.current != null && st.current.state() == AlertState.MASKED ? AlertState.MASKED : AlertState.ACTIVE;
    }

    /** The detection's view of the alert (level, values) with the people's handling kept. */
    private static Alert merged(Alert current, Alert detected, AlertEvent ev, Alert.Handling h) {
        Alert base = current.with(a -> a
                .level(detected.level().compareTo(current.level()) > 0 ? detected.level() : current.level())
                .state(detected.state()).updatedAt(ev.eventTime()).lastValue(detected.lastValue())
                .peakValue(Math.max(current.peakValue(), detected.peakValue())).lastSeq(ev.seq())
                .lastEventId(ev.eventId()).lastEventType(ev.type()).message(ev.message()).text(ev.text())
                .suppressedBy(detected.heldBackBy()).handling(h));
        AlertState condition = detected.state() == AlertState.RECOVERED ? AlertState.RECOVERED
                : detected.heldBack() != null ? detected.heldBack().state() : AlertState.ACTIVE;
        return base.with(h, condition);
    }

    private static Alert withLast(Alert a, AlertEvent ev) {
        return a.with(x -> x.updatedAt(ev.eventTime()).lastEventId(ev.eventId()).lastEventType(ev.type()));
    }

    /** A detection event moved onto the life-cycle alert (ids derived, so replays stay idempotent). */
    private static AlertEvent remap(AlertEvent e, String alertId, AlertEventType type, String message) {
        return e.with(x -> x.eventId(AlertIds.eventId(alertId, e.eventId())).alertId(alertId).type(type)
                .message(message));
    }

    private static AlertEvent handlingEvent(Alert a, AlertEventType type, String idSeed, long eventTime, long now,
            String actor, String note, Message text) {
        return AlertEvent.builder().eventId(AlertIds.eventId(a.alertId(), idSeed)).alertId(a.alertId())
                .seq(a.lastSeq()).type(type).ruleId(a.ruleId()).pointId(a.pointId()).enterpriseId(a.enterpriseId())
                .kind(a.kind()).unit(a.unit()).direction(a.direction()).level(a.level()).value(a.lastValue())
                .eventTime(eventTime).detectedAt(now).tank(a.tank()).zone(a.zone()).message(Catalogue.english().render(text)).text(text)
                .category(a.category()).heldBack(a.heldBack()).heldBackBy(a.heldBackBy()).actor(actor).note(note).build();
    }

    /**
     * A command refused, with why: {@code key} names the reason in the catalogue, whose sentence begins with the
     * command and who gave it ({@code {0}}, {@code {1}}) and goes on with {@code args}.
     */
    private static List<AlertUpdate> refuse(AlertCommand c, Alert a, String key, Object... args) {
        Object[] all = new Object[args.length + 2];
        all[0] = Message.term("command." + c.type());
        all[1] = c.user();
        System.arraycopy(args, 0, all, 2, args.length);
        Message text = Message.of(key, all);
        // the note is the reason alone, in English, as before catalogues (consumers read it)
        String reason = Catalogue.english().render(text);
        reason = reason.substring(reason.indexOf(" refused: ") + " refused: ".length());
        AlertEvent ev;
        if (a != null) {
            ev = handlingEvent(a, AlertEventType.COMMAND_REFUSED, "cmd|" + c.commandId(), c.issuedAt(), c.issuedAt(),
                    c.user(), reason, text);
            return List.of(new AlertUpdate(ev, a));
        }
        ev = AlertEvent.builder().eventId(AlertIds.eventId(c.alertId(), "cmd|" + c.commandId())).alertId(c.alertId())
                .type(AlertEventType.COMMAND_REFUSED).enterpriseId(c.enterpriseId()).eventTime(c.issuedAt())
                .detectedAt(c.issuedAt()).message(Catalogue.english().render(text)).text(text).actor(c.user())
                .note(reason).build();
        return List.of(new AlertUpdate(ev, null));
    }
}
