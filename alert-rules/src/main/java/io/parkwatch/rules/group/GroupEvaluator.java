package io.parkwatch.rules.group;

import io.parkwatch.rules.text.Message;
import io.parkwatch.rules.text.Message;
import io.parkwatch.rules.engine.AlertSubject;
import io.parkwatch.rules.engine.AlertTracker;
import io.parkwatch.rules.engine.LevelMachine;
import io.parkwatch.rules.engine.LineFit;
import io.parkwatch.rules.engine.SampleWindow;
import io.parkwatch.rules.engine.Transition;
import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Direction;

import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.engine.LimitState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static io.parkwatch.rules.threshold.ThresholdEvaluator.num;
import static io.parkwatch.rules.threshold.ThresholdEvaluator.unit;

/** Decides voting, composite and stale rules for one group from its members' signals. */
public final class GroupEvaluator {

    /** A detector's vote counts only while it keeps reporting. */
    static final long VOTE_FRESH_MS = 60_000;

    private GroupEvaluator() {
    }

    public static List<AlertUpdate> onSignal(VotingRule rule, GroupState st, PointSignal s, long now) {
        GroupState.Member m = member(st, s);
        if (s.silent()) {
            m.counting = false;
        } else {
            m.value = s.value();
            m.counting = s.value() >= rule.atOrAbove() || (m.counting && s.value() >= rule.atOrAbove() - rule.deadband());
        }
        List<String> voting = new ArrayList<>();
        for (Map.Entry<String, GroupState.Member> e : new TreeMap<>(st.members).entrySet()) {
            GroupState.Member x = e.getValue();
            if (x.counting && !x.silent && s.timestamp() - x.lastTimestamp <= VOTE_FRESH_MS) {
                voting.add(e.getKey() + " (" + num(x.value) + ")");
            }
        }
        boolean agreed = voting.size() >= rule.k();
        Transition t = Transition.withLimit(LevelMachine.step(st.group,
                LevelMachine.Settings.yesNo(rule.level(), rule.hold().toMillis(), 0), s.timestamp(), agreed ? 1 : 0),
                rule.atOrAbove());
        List<AlertUpdate> out = new ArrayList<>(0);
        String zone = GroupKind.subject(s.groupKey());
        AlertSubject subject = new AlertSubject(zone, s.enterpriseId(), s.kind(), s.unit(), null, s.zone(),
                Message.term("zone", s.zone()));
        String u = unit(s.unit());
        AlertTracker.apply(t, st.group, rule.id(), AlertCategory.PROCESS, subject, Direction.HIGH, voting.size(),
                s.timestamp(), s.receivedAt(), now, (tr, v) -> switch (tr.type()) {
                    case RAISED, LEVEL_CHANGED -> Message.of("alert.voting.raised", voting.size(), num(rule.atOrAbove()),
                            u, Message.list(voting));
                    default -> // RECOVERED
                    Message.of("alert.voting.recovered", rule.k(), num(rule.atOrAbove()), u);
                }, out);
        return out;
    }

    public static List<AlertUpdate> onSignal(CompositeRule rule, GroupState st, PointSignal s, long now) {
        GroupState.Member m = member(st, s);
        if (!s.silent()) {
            m.value = s.value();
            if (m.samples == null) {
                m.samples = new SampleWindow(32);
            }
            m.samples.add(s.timestamp(), s.value(), rule.window().toMillis());
        }
        List<String> met = new ArrayList<>();
        for (CompositeRule.Condition c : rule.all()) {
            for (Map.Entry<String, GroupState.Member> e : new TreeMap<>(st.members).entrySet()) {
                GroupState.Member x = e.getValue();
                if (!c.kind().name().equals(x.kind) || x.silent || s.timestamp() - x.lastTimestamp > rule.window().toMillis()) {
                    continue;
                }
                LineFit fit = x.samples == null || x.samples.spanMs() < rule.window().toMillis() / 2
                        ? null : x.samples.fit();
                double rate = fit == null ? 0 : fit.slopePerMinute();
                if ((c.rateAbove() == null || fit != null) && c.holds(x.value, rate)) {
                    met.add(c.rateAbove() != null && c.valueAbove() != null
                            ? Message.term("condition.both", e.getKey(), num(rate), num(x.value))
                            : c.rateAbove() != null ? Message.term("condition.rate", e.getKey(), num(rate))
                            : Message.term("condition.value", e.getKey(), num(x.value)));
                    break;
                }
            }
        }
        boolean all = met.size() == rule.all().size();
        Transition t = LevelMachine.step(st.group, LevelMachine.Settings.yesNo(rule.level(), rule.hold().toMillis(), 0),
                s.timestamp(), all ? 1 : 0);
        List<AlertUpdate> out = new ArrayList<>(0);
        String unitId = GroupKind.subject(s.groupKey());
        AlertSubject subject = new AlertSubject(unitId, s.enterpriseId(), s.kind(), s.unit(), s.tank(), null,
                Message.term("unit", s.tank()));
        AlertTracker.apply(Transition.withLimit(t, 0), st.group, rule.id(), AlertCategory.PROCESS, subject,
                Direction.HIGH, met.size(), s.timestamp(), s.receivedAt(), now, (tr, v) -> switch (tr.type()) {
                    case RAISED, LEVEL_CHANGED -> Message.of("alert.composite.raised", rule.description(), Message.all(met));
                    default -> // RECOVERED
                    Message.of("alert.composite.recovered");
                }, out);
        return out;
    }

    /**
     * Stale: a silent point is reported on its own only once it has stayed silent for {@code settleMs}
     * while others of its logger still report; when every point of the logger is silent, one logger
     * alert is raised instead (and individual ones it covers recover).
     *
     * @param members every point id of this logger that the rule watches, with its kind, for the subject
     */
    public static List<AlertUpdate> onSilence(StaleRule rule, GroupState st, PointSignal s, int memberCount,
            long settleMs, long now) {
        if (s != null) {
            GroupState.Member m = member(st, s);
            if (s.silent() && !m.silent) {
                m.silentSince = now;
            }
            m.silent = s.silent();
        }
        return decideStale(rule, st, s, memberCount, settleMs, now);
    }

    private static List<AlertUpdate> decideStale(StaleRule rule, GroupState st, PointSignal s, int memberCount,
            long settleMs, long now) {
        List<AlertUpdate> out = new ArrayList<>(0);
        long silentCount = st.members.values().stream().filter(x -> x.silent).count();
        boolean loggerDown = memberCount > 0 && silentCount >= memberCount;
        if (loggerDown) {
            // the logger alert covers its points; once the logger is back, a point still silent gets its own
            // settle time before it is reported alone (its readings of the same batch may just be on their way)
            st.members.values().forEach(x -> x.silentSince = now);
        }
        String enterprise = st.enterpriseId;
        if (st.subject != null) {
            AlertSubject subject = new AlertSubject(st.subject, enterprise, PointKind.OTHER, "", null, null,
                    Message.term("logger", st.subject.startsWith("logger:") ? st.subject.substring(7) : enterprise));
            Transition t = LevelMachine.step(st.group, LevelMachine.Settings.yesNo(rule.level(), 0, 0), now,
                    loggerDown ? 1 : 0);
            AlertTracker.apply(Transition.withLimit(t, memberCount), st.group, rule.id(), AlertCategory.DATA_QUALITY,
                    subject, Direction.HIGH, silentCount, now, now, now, (tr, v) -> switch (tr.type()) {
                        case RAISED, LEVEL_CHANGED -> Message.of("alert.logger.raised", memberCount);
                        default -> // RECOVERED
                    Message.of("alert.logger.recovered");
                    }, out);
        }
        for (Map.Entry<String, GroupState.Member> e : new TreeMap<>(st.members).entrySet()) {
            GroupState.Member x = e.getValue();
            LimitState ps = st.perPoint.computeIfAbsent(e.getKey(), k -> new LimitState());
            boolean alone = x.silent && !loggerDown && now - x.silentSince >= settleMs;
            if (!alone && ps.open == null) {
                st.perPoint.remove(e.getKey());
                continue;
            }
            Transition t = LevelMachine.step(ps, LevelMachine.Settings.yesNo(rule.level(), 0, 0), now, alone ? 1 : 0);
            AlertSubject subject = new AlertSubject(e.getKey(), enterprise,
                    x.kind == null ? PointKind.OTHER : PointKind.valueOf(x.kind), "", null, null, e.getKey());
            AlertTracker.apply(Transition.withLimit(t, 0), ps, rule.id(), AlertCategory.DATA_QUALITY, subject,
                    Direction.HIGH, 0, now, now, now, (tr, v) -> switch (tr.type()) {
                        case RAISED, LEVEL_CHANGED -> Message.of("alert.offline.raised",
                                Message.time(x.lastTimestamp));
                        default -> // RECOVERED
                    Message.of("alert.offline.recovered");
                    }, out);
            if (ps.open == null) {
                st.perPoint.remove(e.getKey());
            }
        }
        return out;
    }

    private static GroupState.Member member(GroupState st, PointSignal s) {
        if (st.subject == null) {
            st.subject = GroupKind.subject(s.groupKey());
            st.enterpriseId = s.enterpriseId();
        }
        GroupState.Member m = st.members.computeIfAbsent(s.pointId(), k -> new GroupState.Member());
        m.kind = s.kind().name();
        if (!s.silent()) {
            m.lastTimestamp = Math.max(m.lastTimestamp, s.timestamp());
            m.silent = false;
        } else if (m.lastTimestamp == 0) {
            m.lastTimestamp = s.timestamp();
        }
        return m;
    }

}
