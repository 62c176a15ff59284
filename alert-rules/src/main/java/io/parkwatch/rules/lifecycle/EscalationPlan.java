package io.parkwatch.rules.lifecycle;

import io.parkwatch.rules.config.Park;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.parkwatch.rules.model.Recipient;

/**
 * The chain of responsibility for unanswered alarms: tiers in order (the enterprise's control room, the three
 * responsible persons (包保责任人) of the major hazard source or of the enterprise, the park's duty officer, the county
 * emergency bureau, or whatever a park defines), each reaching a person, the person on duty in a roster, or one of
 * the alert's responsible persons, with its own time to acknowledge and its own reminders.
 *
 * @param tiers         in order
 * @param people        everyone who can be called, by id
 * @param rosters       by id
 * @param responsible   per enterprise, its responsible persons by role (operational, technical, principal,
 *                      control-room): person ids
 * @param hazardSources major hazard sources with their own responsible persons
 * @param zone          the park's clock, for rosters
 * @param riskWarnings  the tiers a rising risk warning reaches (ids), in order
 */
public record EscalationPlan(List<Tier> tiers, Map<String, Person> people, Map<String, Roster> rosters,
        Map<String, Map<String, String>> responsible, List<HazardSource> hazardSources, ZoneId zone,
        List<String> riskWarnings) {

    public static final EscalationPlan NONE = new EscalationPlan(List.of(), Map.of(), Map.of(), Map.of(), List.of(),
            Park.CHINA, List.of());

    public EscalationPlan {
        riskWarnings = riskWarnings == null ? List.of() : List.copyOf(riskWarnings);
    }

    /**
     * Whom a rising risk warning reaches: the person each tier {@code risk-warnings} names reaches for the enterprise
     * at that moment; for the park's own warning, the tiers that reach someone other than an enterprise's
     * responsible person (the park's duty roster, the authority). Each person once.
     */
    public List<Recipient> warned(String enterprise, boolean park, long at) {
        List<Recipient> out = new java.util.ArrayList<>();
        for (String id : riskWarnings) {
            tiers.stream().filter(t -> t.id().equals(id)).findFirst().ifPresent(t -> {
                if (park && t.reach() instanceof Tier.Reach.Responsible) {
                    return;
                }
                whom(enterprise, null, t, at).filter(p -> out.stream().noneMatch(r -> r.personId().equals(p.id())))
                        .ifPresent(p -> out.add(new Recipient(p.id(), p.name(), p.phone(), t.id(), t.name(),
                                t.channels())));
            });
        }
        return out;
    }

    /** A major hazard source (重大危险源) with its own responsible persons (role to person id). */
    public record HazardSource(String id, String name, String enterpriseId, List<String> tanks,
            Map<String, String> responsible) {
    }

    /** The tier that holds an alert and the person it reaches now. */
    public record Step(int index, Tier tier, Person person) {

        /** As events and alerts keep it: "name (tier, phone)". */
        public Contact contact() {
            return new Contact(tier.name(), person.name(), person.phone());
        }
    }

    /**
     * The first tier from {@code index} on that reaches someone for this alert at that moment (a roster with nobody
     * on shift, or an enterprise without that responsible person, is passed over).
     */
    public Optional<Step> from(Alert a, int index, long at) {
        for (int i = Math.max(0, index); i < tiers.size(); i++) {
            Optional<Person> p = whom(a.enterpriseId(), a.tank(), tiers.get(i), at);
            if (p.isPresent()) {
                return Optional.of(new Step(i, tiers.get(i), p.get()));
            }
        }
        return Optional.empty();
    }

    /** How long the tier has to acknowledge this alert before the next is called. */
    public Duration within(Alert a, int index) {
        return index < 0 || index >= tiers.size() ? Duration.ofMinutes(5) : tiers.get(index).within(a.level(), a.kind());
    }

    /** How often the tier is reminded of this alert while it is unanswered, or null. */
    public Duration remindEvery(Alert a, int index) {
        return index < 0 || index >= tiers.size() ? null : tiers.get(index).remindEvery(a.level());
    }

    /** When the person a roster tier reaches may change next (a shift begins or ends), or 0 for a fixed person. */
    public long nextShiftChange(int index, long at) {
        if (index < 0 || index >= tiers.size() || !(tiers.get(index).reach() instanceof Tier.Reach.OnDuty d)) {
            return 0;
        }
        Roster r = rosters.get(d.rosterId());
        return r == null ? 0 : r.nextChange(Instant.ofEpochMilli(at).atZone(zone)).toInstant().toEpochMilli();
    }

    private Optional<Person> whom(String enterprise, String tank, Tier t, long at) {
        String personId = null;
        if (t.reach() instanceof Tier.Reach.Person p) {
            personId = p.personId();
        } else if (t.reach() instanceof Tier.Reach.OnDuty d && rosters.containsKey(d.rosterId())) {
            personId = rosters.get(d.rosterId()).onDuty(Instant.ofEpochMilli(at).atZone(zone)).orElse(null);
        } else if (t.reach() instanceof Tier.Reach.Responsible r) {
            personId = responsibleFor(enterprise, tank, r.role());
        }
        return Optional.ofNullable(personId == null ? null : people.get(personId));
    }

    /** The person in that role of the unit's major hazard source, else of the enterprise. */
    private String responsibleFor(String enterprise, String tank, String role) {
        for (HazardSource h : hazardSources) {
            if (h.enterpriseId().equals(enterprise) && tank != null && h.tanks().contains(tank)
                    && h.responsible().containsKey(role)) {
                return h.responsible().get(role);
            }
        }
        return enterprise == null ? null : responsible.getOrDefault(enterprise, Map.of()).get(role);
    }

    /** The default time to acknowledge: level-2 alarms and toxic gas faster (contacts files before tiers). */
    static Map<Level, Duration> within(Duration after, Duration afterCritical) {
        return Map.of(Level.WARN, after, Level.ALARM, after, Level.CRITICAL, afterCritical);
    }
}
