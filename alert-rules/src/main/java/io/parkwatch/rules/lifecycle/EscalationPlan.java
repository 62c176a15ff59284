package io.parkwatch.rules.lifecycle;

import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who is told about an unanswered alert, in what order, and how long each waits: the three
 * responsible persons (包保责任人: operational, technical, principal) of the major hazard source or,
 * if the point belongs to none, of the enterprise; then the park duty officer; then the authority.
 *
 * @param after         wait before each next stage
 * @param afterCritical shorter wait for level-2 (critical) alerts and toxic gas
 */
public record EscalationPlan(Map<String, List<Contact>> enterprises, List<HazardSource> hazardSources,
        Contact dutyOfficer, Contact authority, Duration after, Duration afterCritical) {

    public static final EscalationPlan NONE = new EscalationPlan(Map.of(), List.of(), null, null, Duration.ofMinutes(5),
            Duration.ofMinutes(2));

    /** A major hazard source (重大危险源) with its own three responsible persons. */
    public record HazardSource(String id, String name, String enterpriseId, List<String> tanks, List<Contact> persons) {
    }

    /** The chain for this alert, first to notify first. */
    public List<Contact> chain(Alert a) {
        List<Contact> chain = new ArrayList<>();
        List<Contact> persons = null;
        for (HazardSource h : hazardSources) {
            if (h.enterpriseId().equals(a.enterpriseId()) && a.tank() != null && h.tanks().contains(a.tank())) {
                persons = h.persons();
            }
        }
        if (persons == null) {
            persons = enterprises.getOrDefault(a.enterpriseId(), List.of());
        }
        chain.addAll(persons);
        if (dutyOfficer != null) {
            chain.add(dutyOfficer);
        }
        if (authority != null) {
            chain.add(authority);
        }
        return chain;
    }

    /** How long an unanswered alert waits before the next stage. */
    public Duration delay(Alert a) {
        return a.level() == Level.CRITICAL || a.kind() == PointKind.GAS_TOXIC ? afterCritical : after;
    }
}
