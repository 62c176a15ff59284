package io.parkwatch.rules.engine;

import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.engine.LimitState;
import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;
import java.util.List;

/**
 * Turns transitions into alert events and keeps the open alert in the rule's {@link LimitState}:
 * one open alert per (rule, subject, direction), with deterministic ids.
 */
public final class AlertTracker {

    /**
     * The sentence people read for a transition, as a catalogue key and arguments; the alert's subject is put
     * before them as {@code {0}} (patterns start with it).
     */
    public interface Wording {
        Message text(Transition t, double value);
    }

    private AlertTracker() {
    }

    /**
     * Applies {@code t} (may be null: then only the open alert's peak is updated).
     *
     * @param value the signal's value now (reading, rate, ...), recorded on the event and as the alert's peak
     */
    public static void apply(Transition t, LimitState st, String ruleId, AlertCategory category, AlertSubject subject,
            Direction dir, double value, long eventTime, long receivedAt, long now, Wording wording,
            List<AlertUpdate> out) {
        if (st.open != null) {
            st.open = st.open.withPeak(value);
        }
        if (t == null) {
            return;
        }
        Alert open = st.open;
        String alertId = open != null ? open.alertId() : AlertIds.alertId(ruleId, subject.id(), dir.name(), eventTime);
        int seq = open != null ? open.lastSeq() + 1 : 1;
        Message text = wording.text(t, value).withFirst(subject.name());
        AlertEvent e = AlertEvent.builder().eventId(AlertIds.eventId(alertId, seq)).alertId(alertId).seq(seq)
                .type(t.type()).ruleId(ruleId).pointId(subject.id()).enterpriseId(subject.enterpriseId())
                .kind(subject.kind()).unit(subject.unit()).direction(dir).level(t.level()).previousLevel(t.previous())
                .value(value).limit(t.limit()).eventTime(eventTime).detectedAt(now).readingReceivedAt(receivedAt)
                .tank(subject.tank()).zone(subject.zone()).message(Catalogue.english().render(text)).text(text)
                .category(category).build();
        Alert next = open == null ? Alert.raisedBy(e) : open.apply(e);
        st.open = t.type() == AlertEventType.RECOVERED ? null : next;
        out.add(new AlertUpdate(e, next));
    }
}
