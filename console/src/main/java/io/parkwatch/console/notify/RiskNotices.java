package io.parkwatch.console.notify;

import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Recipient;
import io.parkwatch.rules.risk.RiskWarning;
import java.util.ArrayList;
import java.util.List;

/**
 * A risk warning as the channels deliver it: one notice for groups and systems (DingTalk, WeCom, webhooks, MQTT) and,
 * for a rise, one per person it reaches (SMS, voice), each an event of type {@link AlertEventType#RISK_WARNING} whose
 * id is derived from the warning's, so deliveries are recorded, retried and never repeated like an alert's.
 */
public final class RiskNotices {

    private RiskNotices() {
    }

    public static List<AlertEvent> of(RiskWarning w) {
        AlertEvent group = AlertEvent.builder().eventId(w.warningId()).alertId(w.warningId()).seq(w.seq())
                .type(AlertEventType.RISK_WARNING).ruleId("risk").pointId(w.level().subject())
                .enterpriseId(w.level().subject()).eventTime(w.level().at()).detectedAt(w.level().at())
                .value(w.level().score()).text(w.text()).category(AlertCategory.PREDICTIVE).recipients(List.of())
                .build();
        List<AlertEvent> out = new ArrayList<>();
        out.add(group);
        for (Recipient r : w.recipients()) {
            out.add(group.withEventId(w.warningId() + "|" + r.personId()).withRecipients(List.of(r)));
        }
        return out;
    }

    /** A person's copy of a warning: for the phone channels only, never for a group. */
    public static boolean personal(AlertEvent e) {
        return e.type() == AlertEventType.RISK_WARNING && !e.recipients().isEmpty();
    }
}
