package io.parkwatch.rules.lifecycle;

import io.parkwatch.rules.config.ConfigNode;
import io.parkwatch.rules.config.EntryList;
import io.parkwatch.rules.config.Park;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.Level;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the contacts file: the people who can be called, rosters, the enterprises' and major hazard sources'
 * responsible persons, and the tiers of the chain of responsibility.
 * <pre>
 * people:
 *   - { id: zhang-wei, name: 张伟（值班长）, phone: "+86 138 0000 0101" }
 * rosters:
 *   - id: park-duty
 *     name: 园区监控中心值班
 *     shifts:                          # on the park's clock; 20:00-08:00 runs past midnight
 *       - { days: [mon-sun], from: "08:00", to: "20:00", person: wang-day }
 *       - { days: [mon-sun], from: "20:00", to: "08:00", person: li-night }
 * enterprises:
 *   - { enterprise: ent-huaxin, control-room: hx-control, operational: zhang-wei, technical: li-na, principal: zhao-gang }
 * hazard-sources:                      # described (name, enterprise, grade, tanks) in points.yaml
 *   - { id: HS-1, operational: ..., technical: ..., principal: ... }
 *   # a source the registry does not describe: { id, name, enterprise, tanks, operational, ... } (earlier files)
 * risk-warnings: [control-room, principal, park]   # the tiers a risk warning (风险预警) reaches when a colour rises
 * tiers:                               # in order: an unanswered alarm goes down the list
 *   - id: operational
 *     name: 操作负责人
 *     reach: { responsible: operational }      # or { person: ID }, or { roster: ID }
 *     acknowledge-within: { warn: 15m, alarm: 5m, critical: 2m }
 *     toxic-within: 1m                         # toxic gas: shorter
 *     remind-every: { alarm: 2m, critical: 1m }
 *     channels: [sms, voice, dingtalk]
 * </pre>
 * A person in {@code enterprises} or {@code hazard-sources} is an id of {@code people}, or written in place as
 * {@code { name: ..., phone: ... }}. The file of earlier versions ({@code escalation: { after, after-critical }},
 * {@code park: { duty-officer, authority }}, persons in place) still reads: its tiers are the three responsible persons,
 * the duty officer and the authority.
 */
public final class ContactsFile {

    static final List<String> ROLES = List.of("control-room", "operational", "technical", "principal");
    /** The roles of the default chain, with the label stored in events (translated by {@link Contact}). */
    private static final Map<String, String> DEFAULT_LABELS = Map.of("operational", "operational responsible person",
            "technical", "technical responsible person", "principal", "principal responsible person");

    private ContactsFile() {
    }

    public static EscalationPlan parse(YamlSource src, PointRegistry registry) {
        Problems problems = new Problems();
        ConfigNode root = src.root();
        root.allowOnly(problems, Set.of("escalation", "park", "people", "rosters", "enterprises", "hazard-sources",
                "tiers", "risk-warnings"));
        Map<String, Person> people = new LinkedHashMap<>();
        for (ConfigNode p : root.get("people").elements(problems)) {
            p.allowOnly(problems, Set.of("id", "name", "phone"));
            String id = p.get("id").text(problems, true);
            String name = p.get("name").text(problems, true);
            if (id != null && people.containsKey(id)) {
                problems.add(p.get("id").error("duplicate person id '" + id + "'"));
            } else if (id != null && name != null) {
                people.put(id, new Person(id, name, p.get("phone").text(problems, false)));
            }
        }
        // the file of earlier versions: the park's duty officer and authority, written in place
        ConfigNode park = root.get("park");
        park.allowOnly(problems, Set.of("duty-officer", "authority"));
        String duty = person(park.get("duty-officer"), "park-duty-officer", people, problems);
        String authority = person(park.get("authority"), "authority", people, problems);

        Map<String, Map<String, String>> responsible = new LinkedHashMap<>();
        for (ConfigNode e : root.get("enterprises").elements(problems)) {
            Set<String> allowed = new HashSet<>(ROLES);
            allowed.add("enterprise");
            e.allowOnly(problems, allowed);
            String id = e.get("enterprise").text(problems, true);
            EntryList.knownEnterprise(e.get("enterprise"), id, registry, problems);
            if (id != null) {
                responsible.put(id, roles(e, id, people, problems));
            }
        }
        List<EscalationPlan.HazardSource> sources = new ArrayList<>();
        for (ConfigNode h : root.get("hazard-sources").elements(problems)) {
            Set<String> allowed = new HashSet<>(ROLES);
            allowed.addAll(Set.of("id", "name", "enterprise", "tanks"));
            h.allowOnly(problems, allowed);
            String id = h.get("id").text(problems, true);
            // described in the park's registry (points.yaml), with its grade; earlier files described it here
            var known = registry == null || id == null ? java.util.Optional.<io.parkwatch.rules.config.HazardSource>empty()
                    : registry.hazardSource(id);
            String ent = h.get("enterprise").text(problems, known.isEmpty());
            if (known.isPresent() && ent != null && !ent.equals(known.get().enterpriseId())) {
                problems.add(h.get("enterprise").error("hazard source '" + id + "' is " + known.get().enterpriseId()
                        + "'s in the point registry, not " + ent + "'s"));
            }
            if (known.isPresent()) {
                ent = known.get().enterpriseId();
            }
            EntryList.knownEnterprise(h.get("enterprise"), ent, registry, problems);
            String name = known.map(io.parkwatch.rules.config.HazardSource::name).orElse(h.get("name").text(problems, false));
            List<String> tanks = known.map(io.parkwatch.rules.config.HazardSource::tanks).orElse(h.get("tanks").texts(problems));
            sources.add(new EscalationPlan.HazardSource(id, name, ent, tanks, roles(h, String.valueOf(id), people,
                    problems)));
        }
        Map<String, Roster> rosters = new LinkedHashMap<>();
        for (ConfigNode r : root.get("rosters").elements(problems)) {
            Roster roster = roster(r, people, problems);
            if (roster != null) {
                rosters.put(roster.id(), roster);
            }
        }
        ConfigNode esc = root.get("escalation");
        esc.allowOnly(problems, Set.of("after", "after-critical"));
        Duration after = esc.get("after").duration(problems, Duration.ofMinutes(5));
        Duration afterCritical = esc.get("after-critical").duration(problems, Duration.ofMinutes(2));
        List<Tier> tiers = root.has("tiers") ? tiers(root.get("tiers"), people, rosters, problems)
                : defaultTiers(after, afterCritical, duty, authority);
        List<String> warned = root.get("risk-warnings").texts(problems);
        List<ConfigNode> warnedNodes = root.get("risk-warnings").isArray() ? root.get("risk-warnings").elements(problems)
                : List.of();
        for (int i = 0; i < warned.size(); i++) {
            String id = warned.get(i);
            if (tiers.stream().noneMatch(t -> t.id().equals(id))) {
                problems.add((i < warnedNodes.size() ? warnedNodes.get(i) : root.get("risk-warnings")).error(
                        "unknown tier '" + id + "' (the tiers: " + String.join(", ", tiers.stream().map(Tier::id)
                                .toList()) + ")"));
            }
        }
        problems.throwIfAny();
        return new EscalationPlan(tiers, people, rosters, responsible, sources,
                registry == null ? Park.CHINA : registry.park().timeZone(), warned);
    }

    /** The chain of earlier versions: the three responsible persons, the duty officer, the authority. */
    private static List<Tier> defaultTiers(Duration after, Duration afterCritical, String duty, String authority) {
        Map<Level, Duration> within = EscalationPlan.within(after, afterCritical);
        List<Tier> out = new ArrayList<>();
        for (String role : List.of("operational", "technical", "principal")) {
            out.add(new Tier(role, DEFAULT_LABELS.get(role), new Tier.Reach.Responsible(role), within, afterCritical,
                    Map.of(), List.of()));
        }
        if (duty != null) {
            out.add(new Tier("park-duty-officer", "park duty officer", new Tier.Reach.Person(duty), within,
                    afterCritical, Map.of(), List.of()));
        }
        if (authority != null) {
            out.add(new Tier("authority", "authority", new Tier.Reach.Person(authority), within, afterCritical, Map.of(),
                    List.of()));
        }
        return out;
    }

    private static List<Tier> tiers(ConfigNode list, Map<String, Person> people, Map<String, Roster> rosters,
            Problems problems) {
        List<Tier> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode t : list.elements(problems)) {
            t.allowOnly(problems, Set.of("id", "name", "reach", "acknowledge-within", "toxic-within", "remind-every",
                    "channels"));
            int before = problems.errors().size();
            String id = t.get("id").text(problems, true);
            if (id != null && !ids.add(id)) {
                problems.add(t.get("id").error("duplicate tier id '" + id + "'"));
            }
            String name = t.get("name").text(problems, false);
            Tier.Reach reach = reach(t.get("reach"), people, rosters, problems);
            Map<Level, Duration> within = perLevel(t.get("acknowledge-within"), problems);
            if (within.isEmpty() && t.isObject()) {
                problems.add(t.get("acknowledge-within").error("is required: how long the tier has to acknowledge, "
                        + "per level (warn, alarm, critical)"));
            }
            Duration toxic = t.get("toxic-within").duration(problems, null);
            Map<Level, Duration> remind = perLevel(t.get("remind-every"), problems);
            List<String> channels = t.get("channels").texts(problems);
            for (String c : channels) {
                if (!Set.of("sms", "voice", "dingtalk", "wecom", "webhook", "mqtt").contains(c)) {
                    problems.add(t.get("channels").error("unknown channel '" + c
                            + "' (sms, voice, dingtalk, wecom, webhook, mqtt)"));
                }
            }
            if (problems.errors().size() == before) {
                out.add(new Tier(id, name == null ? id : name, reach, within, toxic, remind, channels));
            }
        }
        if (out.isEmpty() && list.isArray() && problems.errors().isEmpty()) {
            problems.add(list.error("must name at least one tier"));
        }
        return out;
    }

    private static Tier.Reach reach(ConfigNode n, Map<String, Person> people, Map<String, Roster> rosters,
            Problems problems) {
        if (n.isMissing()) {
            problems.add(n.error("is required: { person: ID }, { roster: ID } or { responsible: ROLE }"));
            return null;
        }
        n.allowOnly(problems, Set.of("person", "roster", "responsible"));
        if (n.has("person")) {
            String id = n.get("person").text(problems, true);
            if (id != null && !people.containsKey(id)) {
                problems.add(n.get("person").error("unknown person '" + id + "' (not under 'people')"));
            }
            return new Tier.Reach.Person(id);
        }
        if (n.has("roster")) {
            String id = n.get("roster").text(problems, true);
            if (id != null && !rosters.containsKey(id)) {
                problems.add(n.get("roster").error("unknown roster '" + id + "'"));
            }
            return new Tier.Reach.OnDuty(id);
        }
        String role = n.get("responsible").text(problems, true);
        if (role != null && !ROLES.contains(role)) {
            problems.add(n.get("responsible").error("unknown role '" + role + "' (" + String.join(", ", ROLES) + ")"));
        }
        return new Tier.Reach.Responsible(role);
    }

    private static Map<Level, Duration> perLevel(ConfigNode n, Problems problems) {
        Map<Level, Duration> out = new EnumMap<>(Level.class);
        if (n.isMissing()) {
            return out;
        }
        n.allowOnly(problems, Set.of("warn", "alarm", "critical"));
        for (Level l : Level.values()) {
            Duration d = n.get(l.label()).duration(problems, null);
            if (d != null) {
                out.put(l, d);
            }
        }
        return out;
    }

    private static Roster roster(ConfigNode r, Map<String, Person> people, Problems problems) {
        r.allowOnly(problems, Set.of("id", "name", "shifts"));
        int before = problems.errors().size();
        String id = r.get("id").text(problems, true);
        List<Roster.Shift> shifts = new ArrayList<>();
        for (ConfigNode s : r.get("shifts").elements(problems)) {
            s.allowOnly(problems, Set.of("days", "from", "to", "person"));
            Set<DayOfWeek> days = days(s.get("days"), problems);
            LocalTime from = time(s.get("from"), problems);
            LocalTime to = time(s.get("to"), problems);
            String person = s.get("person").text(problems, true);
            if (person != null && !people.containsKey(person)) {
                problems.add(s.get("person").error("unknown person '" + person + "' (not under 'people')"));
            }
            if (from != null && to != null && from.equals(to)) {
                problems.add(s.get("to").error("must differ from 'from'"));
            }
            shifts.add(new Roster.Shift(days, from, to, person));
        }
        if (shifts.isEmpty() && r.isObject()) {
            problems.add(r.get("shifts").error("is required: who is on duty when"));
        }
        return problems.errors().size() == before ? new Roster(id, r.get("name").text(problems, false), shifts) : null;
    }

    static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /** Days as mon..sun, or ranges like mon-fri. */
    private static Set<DayOfWeek> days(ConfigNode n, Problems problems) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String d : n.texts(problems)) {
            String[] range = d.toLowerCase(Locale.ROOT).split("-");
            int from = DAYS.indexOf(range[0]);
            int to = range.length == 2 ? DAYS.indexOf(range[1]) : from;
            if (from < 0 || to < 0 || range.length > 2) {
                problems.add(n.error("'" + d + "' is not a day (mon..sun) or a range like mon-fri"));
                continue;
            }
            for (int i = from; ; i = (i + 1) % 7) {
                out.add(DayOfWeek.of(i + 1));
                if (i == to) {
                    break;
                }
            }
        }
        if (out.isEmpty() && !n.isMissing()) {
            problems.add(n.error("must name at least one day"));
        }
        return out;
    }

    private static LocalTime time(ConfigNode n, Problems problems) {
        String s = n.text(problems, true);
        if (s == null) {
            return null;
        }
        try {
            return LocalTime.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(n.error("'" + s + "' is not a time of day like 08:00"));
            return null;
        }
    }

    /** The responsible persons of an enterprise or hazard source, by role: ids, or persons written in place. */
    private static Map<String, String> roles(ConfigNode n, String owner, Map<String, Person> people, Problems problems) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String role : ROLES) {
            String id = person(n.get(role), owner + "-" + role, people, problems);
            if (id != null) {
                out.put(role, id);
            }
        }
        return out;
    }

    /** A person named by id, or written in place ({@code { name, phone }}, given the id {@code inPlaceId}). */
    private static String person(ConfigNode n, String inPlaceId, Map<String, Person> people, Problems problems) {
        if (n.isMissing()) {
            return null;
        }
        if (!n.isObject()) {
            String id = n.text(problems, true);
            if (id != null && !people.containsKey(id)) {
                problems.add(n.error("unknown person '" + id + "' (not under 'people')"));
                return null;
            }
            return id;
        }
        n.allowOnly(problems, Set.of("id", "name", "phone"));
        String name = n.get("name").text(problems, true);
        String id = n.has("id") ? n.get("id").text(problems, true) : inPlaceId;
        if (name == null || id == null) {
            return null;
        }
        Person had = people.get(id);
        if (had != null && !had.name().equals(name)) {
            problems.add(n.get("name").error("person '" + id + "' is already " + had.name()));
            return null;
        }
        people.putIfAbsent(id, new Person(id, name, n.get("phone").text(problems, false)));
        return id;
    }
}
