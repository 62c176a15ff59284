package io.parkwatch.console.kpi;

import static io.parkwatch.console.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.parkwatch.console.TestEvents;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Recipient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The response figures of a scripted history, against a hand count. */
class ResponseFiguresTest {

    static final long T = 1_800_000_000_000L;
    static final long S = 1000;
    static final long MIN = 60 * S;

    static Recipient tier(String id) {
        return new Recipient("p-" + id, "P " + id, "138", id, "tier " + id, List.of());
    }

    /** An event of an alert at a time, calling a tier with 5 minutes to acknowledge. */
    static AlertEvent call(AlertEvent e, String tier, long at) {
        return e.withDetectedAt(at).withEventTime(at).withRecipients(List.of(tier(tier))).withUntil(at + 5 * MIN);
    }

    static AlertEvent raised(String alert, String enterprise, Level level, long at) {
        return call(event(alert, 1, AlertEventType.RAISED, "gas", "P-" + alert, enterprise, level, null, 30, at),
                "control-room", at);
    }

    static AlertEvent escalated(AlertEvent raised, String tier, long at) {
        return call(TestEvents.handled(raised, raised.alertId() + "-esc-" + tier, AlertEventType.ESCALATED, "escalation",
                null, at), tier, at);
    }

    static AlertEvent acked(AlertEvent raised, long at) {
        return TestEvents.handled(raised, raised.alertId() + "-ack", AlertEventType.ACKNOWLEDGED, "op", null, at)
                .withDetectedAt(at);
    }

    @Test
    void figuresOfAScriptedHistoryMatchTheHandCount() {
        List<AlertEvent> h = new ArrayList<>();
        // a1: the control room answers after 2 min (in time)
        AlertEvent a1 = raised("a1", "ent-a", Level.ALARM, T);
        h.add(a1);
        h.add(acked(a1, T + 2 * MIN));
        // a2: nobody for 5 min, escalated to operational, who answers 1 min later (in time for them)
        AlertEvent a2 = raised("a2", "ent-a", Level.ALARM, T + 10 * MIN);
        h.add(a2);
        h.add(escalated(a2, "operational", T + 15 * MIN));
        h.add(acked(a2, T + 16 * MIN));
        // a3: the control room answers late (after 7 min, though the escalation came late too)
        AlertEvent a3 = raised("a3", "ent-a", Level.ALARM, T + 20 * MIN);
        h.add(a3);
        h.add(acked(a3, T + 27 * MIN));
        // a4: escalated twice and still unanswered at the end
        AlertEvent a4 = raised("a4", "ent-a", Level.ALARM, T + 30 * MIN);
        h.add(a4);
        h.add(escalated(a4, "operational", T + 35 * MIN));
        h.add(escalated(a4, "park", T + 40 * MIN));
        // b1: another enterprise, level 2, answered by the control room in 30 s
        AlertEvent b1 = raised("b1", "ent-b", Level.CRITICAL, T + 5 * MIN);
        h.add(b1);
        h.add(acked(b1, T + 5 * MIN + 30 * S));
        // masked: never announced, not counted; and one raised before the period
        h.add(raised("m1", "ent-a", Level.ALARM, T + 8 * MIN).heldBack(io.parkwatch.rules.model.HoldBack.MASKED, "WP"));
        h.add(raised("old", "ent-a", Level.ALARM, T - 10 * MIN));

        ResponseFigures.Report r = ResponseFigures.compute(h, T, T + 60 * MIN);
        assertThat(r.rows()).extracting(ResponseFigures.Row::enterprise, ResponseFigures.Row::level,
                ResponseFigures.Row::tier, ResponseFigures.Row::reached, ResponseFigures.Row::inTime,
                ResponseFigures.Row::medianSeconds, ResponseFigures.Row::p90Seconds, ResponseFigures.Row::escalated,
                ResponseFigures.Row::unanswered).containsExactly(
                        // control room of ent-a: reached 4; answered a1 (120 s, in time) and a3 (420 s, late);
                        // a2, a4 escalated
                        tuple("ent-a", "ALARM", "control-room", 4, 1, 120.0, 420.0, 2, 0),
                        // operational: a2 answered after 60 s in time; a4 escalated on
                        tuple("ent-a", "ALARM", "operational", 2, 1, 60.0, 60.0, 1, 0),
                        tuple("ent-a", "ALARM", "park", 1, 0, null, null, 0, 1),
                        tuple("ent-b", "CRITICAL", "control-room", 1, 1, 30.0, 30.0, 0, 0));
        // the park: 5 occurrences, 3 answered in time by whoever held them, from the raise 30/120/360/420 s;
        // 2 escalated, 1 unanswered
        assertThat(r.park()).extracting(ResponseFigures.Row::reached, ResponseFigures.Row::inTime,
                ResponseFigures.Row::inTimePercent, ResponseFigures.Row::medianSeconds, ResponseFigures.Row::p90Seconds,
                ResponseFigures.Row::escalated, ResponseFigures.Row::unanswered)
                .containsExactly(5, 3, 60.0, 120.0, 420.0, 2, 1);
    }
}
