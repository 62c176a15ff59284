package io.parkwatch.console.kpi;

import static io.parkwatch.console.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.parkwatch.console.TestEvents;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A scripted two-hour alarm history whose figures were worked out by hand (see the comments). */
class AlarmPerformanceTest {

    static final long T = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    static final long S = 1000;
    static final long MIN = 60 * S;
    static final long H = 60 * MIN;

    static List<AlertEvent> history() {
        List<AlertEvent> h = new ArrayList<>();
        // ent-a, a chattering detector: raised, back three times; 60 s, 80 s, 110 s are within 60 s of each other
        h.add(event("c1", 1, AlertEventType.RAISED, "gas-high", "A-GT1", "ent-a", Level.ALARM, null, 30, T + 60 * S));
        h.add(event("c1", 2, AlertEventType.RECOVERED, "gas-high", "A-GT1", "ent-a", Level.ALARM, null, 20, T + 70 * S));
        h.add(event("c1", 3, AlertEventType.REPEATED, "gas-high", "A-GT1", "ent-a", Level.ALARM, null, 30, T + 80 * S));
        h.add(event("c1", 4, AlertEventType.REPEATED, "gas-high", "A-GT1", "ent-a", Level.ALARM, null, 30, T + 110 * S));
        h.add(event("c1", 5, AlertEventType.REPEATED, "gas-high", "A-GT1", "ent-a", Level.ALARM, null, 30, T + 300 * S));
        // ent-a, one alert climbing warn -> alarm -> critical (3 annunciations, not chattering), then easing (not one)
        h.add(event("l1", 1, AlertEventType.RAISED, "gas", "A-GT2", "ent-a", Level.WARN, null, 12, T + 600 * S));
        h.add(event("l1", 2, AlertEventType.LEVEL_CHANGED, "gas", "A-GT2", "ent-a", Level.ALARM, Level.WARN, 30, T + 620 * S));
        h.add(event("l1", 3, AlertEventType.LEVEL_CHANGED, "gas", "A-GT2", "ent-a", Level.CRITICAL, Level.ALARM, 60,
                T + 640 * S));
        h.add(event("l1", 4, AlertEventType.LEVEL_CHANGED, "gas", "A-GT2", "ent-a", Level.ALARM, Level.CRITICAL, 40,
                T + 700 * S));
        AlertEvent acked = TestEvents.handled(h.get(h.size() - 1), "l1-ack", AlertEventType.ACKNOWLEDGED, "op", null,
                T + 710 * S);
        h.add(acked);
        // masked by a maintenance permit: recorded, never annunciated
        h.add(event("m1", 1, AlertEventType.RAISED, "gas", "A-GT9", "ent-a", Level.ALARM, null, 30, T + 20 * MIN)
                .heldBack(io.parkwatch.rules.model.HoldBack.MASKED, "PTW-1"));
        // ent-b, a flood: 12 different alarms between 40 and 50 minutes, then one more after it
        for (int i = 0; i < 12; i++) {
            h.add(event("f" + i, 1, AlertEventType.RAISED, "gas", String.format("B-P%02d", i), "ent-b", Level.ALARM, null,
                    30, T + 40 * MIN + i * 30 * S));
        }
        h.add(event("bx", 1, AlertEventType.RAISED, "gas", "B-X", "ent-b", Level.WARN, null, 12, T + 50 * MIN + 10 * S));
        // before the period: not counted in rates, but may be standing at its end (T + 2 h)
        h.add(event("old", 1, AlertEventType.RAISED, "gas", "A-GT3", "ent-a", Level.WARN, null, 12, T - MIN));
        h.add(event("s1", 1, AlertEventType.RAISED, "level-high", "A-LT1", "ent-a", Level.WARN, null, 90, T + 2 * H - 25 * H));
        h.add(event("s2", 1, AlertEventType.RAISED, "level-high", "A-LT2", "ent-a", Level.WARN, null, 90, T + 2 * H - 26 * H));
        h.add(TestEvents.handled(h.get(h.size() - 1), "s2-closed", AlertEventType.CLOSED, "op", "drained", T + H));
        h.add(event("s3", 1, AlertEventType.RAISED, "level-high", "A-LT3", "ent-a", Level.WARN, null, 90, T + 2 * H - 23 * H));
        return h;
    }

    @Test
    void figuresOfAScriptedHistoryMatchTheHandCount() {
        KpiReport r = AlarmPerformance.compute(history(), T, T + 2 * H, true, List.of("ent-a", "ent-b"));

        // c1: 4, l1: 3 (the step down does not count), flood: 12, bx: 1; the masked one and those before T do not
        assertThat(r.annunciations()).isEqualTo(20);
        assertThat(r.hours()).isEqualTo(2.0);
        assertThat(r.byLevel()).isEqualTo(Map.of("CRITICAL", 1, "ALARM", 17, "WARN", 2));

        // per hour over 2 h: center 20/2, A 7/2, B 13/2; busiest 10 minutes: 40-50 min (12), A's first (4)
        assertThat(r.positions()).extracting(KpiReport.PositionLoad::position, KpiReport.PositionLoad::alarms,
                KpiReport.PositionLoad::perHour, KpiReport.PositionLoad::peakPer10Min, KpiReport.PositionLoad::rating)
                .containsExactly(
                        tuple("park monitoring center", 20, 10.0, 12, "maximum manageable"),
                        tuple("ent-a control room", 7, 3.5, 4, "very likely acceptable"),
                        tuple("ent-b control room", 13, 6.5, 12, "maximum manageable"));

        // c1 4/20 = 20 %, l1 3/20 = 15 %, then eight of the single ones (by rule, then point) at 5 % each
        assertThat(r.topTen()).extracting(KpiReport.FrequentAlarm::subject, KpiReport.FrequentAlarm::count,
                KpiReport.FrequentAlarm::sharePercent).containsExactly(
                        tuple("A-GT1", 4, 20.0), tuple("A-GT2", 3, 15.0), tuple("B-P00", 1, 5.0), tuple("B-P01", 1, 5.0),
                        tuple("B-P02", 1, 5.0), tuple("B-P03", 1, 5.0), tuple("B-P04", 1, 5.0), tuple("B-P05", 1, 5.0),
                        tuple("B-P06", 1, 5.0), tuple("B-P07", 1, 5.0));
        assertThat(r.topTenSharePercent()).isEqualTo(75.0);

        assertThat(r.chattering()).extracting(KpiReport.Chattering::subject, KpiReport.Chattering::maxIn60s,
                KpiReport.Chattering::annunciations).containsExactly(tuple("A-GT1", 3, 4));

        // s1 open 25 h; s2 closed; s3 only 23 h; "old" 2 h 1 min
        assertThat(r.standing()).extracting(KpiReport.Standing::alertId, KpiReport.Standing::openHours)
                .containsExactly(tuple("s1", 25.0));

        // one flood: from the 11th alarm within ten minutes (40:00 to 45:00) until the window held ten again (the
        // one at 50:10 kept it going until 41:00 + 10 min); 13 alarms, at most 12 in a window; 6 min of 2 h
        assertThat(r.floods()).containsExactly(new KpiReport.Flood(T + 45 * MIN, T + 51 * MIN, 13, 12));
        assertThat(r.floodTimePercent()).isEqualTo(5.0);
    }

    @Test
    void shelvingAndWhatWasHeldBackAreCountedAndNotAnnounced() {
        List<AlertEvent> h = new ArrayList<>();
        AlertEvent raised = event("k1", 1, AlertEventType.RAISED, "gas", "A-GT5", "ent-a", Level.ALARM, null, 30, T + MIN);
        h.add(raised);
        // shelved 10:00 for 30 min, unshelved by hand after 20; shelved again 1 h later for 90 min, past the period
        h.add(TestEvents.handled(raised, "k1-s1", AlertEventType.SHELVED, "op", "technician", T + 10 * MIN)
                .heldBack(io.parkwatch.rules.model.HoldBack.SHELVED, "technician").withUntil(T + 40 * MIN));
        h.add(TestEvents.handled(raised, "k1-u1", AlertEventType.UNSHELVED, "op", null, T + 30 * MIN));
        h.add(TestEvents.handled(raised, "k1-s2", AlertEventType.SHELVED, "op", "purge", T + 90 * MIN)
                .heldBack(io.parkwatch.rules.model.HoldBack.SHELVED, "purge").withUntil(T + 180 * MIN));
        // a repeat while shelved, one raised out of service, one suppressed by mode: recorded, not announced
        h.add(event("k1", 2, AlertEventType.REPEATED, "gas", "A-GT5", "ent-a", Level.ALARM, null, 30, T + 100 * MIN)
                .heldBack(io.parkwatch.rules.model.HoldBack.SHELVED, "purge"));
        h.add(event("o1", 1, AlertEventType.RAISED, "gas", "A-GT6", "ent-a", Level.ALARM, null, 30, T + 5 * MIN)
                .heldBack(io.parkwatch.rules.model.HoldBack.OUT_OF_SERVICE, "探头更换"));
        h.add(event("d1", 1, AlertEventType.RAISED, "low-flow", "A-FT1", "ent-a", Level.WARN, null, 1, T + 6 * MIN)
                .heldBack(io.parkwatch.rules.model.HoldBack.SUPPRESSED_BY_MODE, "shut-down"));
        KpiReport r = AlarmPerformance.compute(h, T, T + 2 * H, true, List.of("ent-a"));
        assertThat(r.annunciations()).isEqualTo(1); // k1's raise only
        assertThat(r.heldBack().shelves()).isEqualTo(2);
        assertThat(r.heldBack().shelvedHours()).isEqualTo(0.83); // 20 min + 30 min up to the end of the period
        assertThat(r.heldBack().longestShelvedHours()).isEqualTo(0.5);
        assertThat(r.heldBack().raisedHeldBack()).containsEntry("SHELVED", 1).containsEntry("OUT_OF_SERVICE", 1)
                .containsEntry("SUPPRESSED_BY_MODE", 1).containsEntry("MASKED", 0);
    }

    @Test
    void anOperatorPositionSeesOnlyItsOwnLoadAndAQuietPeriodIsAllZero() {
        KpiReport quiet = AlarmPerformance.compute(history(), T + 3 * H, T + 4 * H, false, List.of("ent-a"));
        assertThat(quiet.annunciations()).isZero();
        assertThat(quiet.positions()).extracting(KpiReport.PositionLoad::position, KpiReport.PositionLoad::perHour)
                .containsExactly(tuple("ent-a control room", 0.0));
        assertThat(quiet.floods()).isEmpty();
        assertThat(quiet.topTen()).isEmpty();
        assertThat(quiet.topTenSharePercent()).isZero();
    }

    @Test
    void tenInTenMinutesIsNotYetAFlood() {
        List<AlertEvent> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(event("t" + i, 1, AlertEventType.RAISED, "gas", "P" + i, "ent-a", Level.ALARM, null, 30, T + i * MIN));
        }
        assertThat(AlarmPerformance.compute(ten, T, T + H, true, List.of()).floods()).isEmpty();
        ten.add(event("t10", 1, AlertEventType.RAISED, "gas", "P10", "ent-a", Level.ALARM, null, 30, T + 9 * MIN + 59 * S));
        assertThat(AlarmPerformance.compute(ten, T, T + H, true, List.of()).floods()).hasSize(1);
    }
}
