package io.parkwatch.rules.lifecycle;

import io.parkwatch.rules.config.ConfigNode;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.EntryList;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.config.YamlSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the contacts file:
 * <pre>
 * escalation: { after: 5m, after-critical: 2m }
 * park:
 *   duty-officer: { name: Park duty officer, phone: "+86 ..." }
 *   authority:    { name: County emergency management bureau, phone: "12350" }
 * enterprises:
 *   - enterprise: ent-huaxin
 *     operational: { name: ..., phone: ... }
 *     technical:   { name: ..., phone: ... }
 *     principal:   { name: ..., phone: ... }
 * hazard-sources:                       # major hazard sources with their own three persons
 *   - { id: HS-1, name: Benzene tank farm, enterprise: ent-huaxin, tanks: [T-101], operational: ..., technical: ..., principal: ... }
 * </pre>
 */
public final class ContactsFile {

    private static final List<String> ROLES = List.of("operational", "technical", "principal");

    private ContactsFile() {
    }

    public static EscalationPlan parse(YamlSource src, PointRegistry registry) {
        Problems problems = new Problems();
        ConfigNode root = src.root();
        root.allowOnly(problems, Set.of("escalation", "park", "enterprises", "hazard-sources"));
        ConfigNode esc = root.get("escalation");
        esc.allowOnly(problems, Set.of("after", "after-critical"));
        Duration after = esc.get("after").duration(problems, Duration.ofMinutes(5));
        Duration afterCritical = esc.get("after-critical").duration(problems, Duration.ofMinutes(2));
        ConfigNode park = root.get("park");
        park.allowOnly(problems, Set.of("duty-officer", "authority"));
        Contact duty = contact(park.get("duty-officer"), "park duty officer", problems);
        Contact authority = contact(park.get("authority"), "authority", problems);
        Map<String, List<Contact>> enterprises = new HashMap<>();
        for (ConfigNode e : root.get("enterprises").elements(problems)) {
            Set<String> allowed = new java.util.HashSet<>(ROLES);
            allowed.add("enterprise");
            e.allowOnly(problems, allowed);
            String id = enterprise(e, registry, problems);
            if (id != null) {
                enterprises.put(id, persons(e, problems));
            }
        }
        List<EscalationPlan.HazardSource> sources = new ArrayList<>();
        for (ConfigNode h : root.get("hazard-sources").elements(problems)) {
            Set<String> allowed = new java.util.HashSet<>(ROLES);
            allowed.addAll(Set.of("id", "name", "enterprise", "tanks"));
            h.allowOnly(problems, allowed);
            String id = h.get("id").text(problems, true);
            String ent = enterprise(h, registry, problems);
            sources.add(new EscalationPlan.HazardSource(id, h.get("name").text(problems, false), ent,
                    h.get("tanks").texts(problems), persons(h, problems)));
        }
        problems.throwIfAny();
        return new EscalationPlan(enterprises, sources, duty, authority, after, afterCritical);
    }

    private static String enterprise(ConfigNode n, PointRegistry registry, Problems problems) {
        String id = n.get("enterprise").text(problems, true);
        EntryList.knownEnterprise(n.get("enterprise"), id, registry, problems);
        return id;
    }

    private static List<Contact> persons(ConfigNode n, Problems problems) {
        List<Contact> out = new ArrayList<>();
        for (String role : ROLES) {
            Contact c = contact(n.get(role), role + " responsible person", problems);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private static Contact contact(ConfigNode n, String role, Problems problems) {
        if (n.isMissing()) {
            return null;
        }
        n.allowOnly(problems, Set.of("name", "phone"));
        String name = n.get("name").text(problems, true);
        return name == null ? null : new Contact(role, name, n.get("phone").text(problems, false));
    }
}
