package io.parkwatch.rules.risk;

import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.parkwatch.rules.config.ConfigNode;
import io.parkwatch.rules.config.HazardSource;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.operations.OperationsFile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the commitments document: the enterprises' daily safety commitments of the last days, as the
 * console (or an import from another platform) keeps them on the config topic.
 * <pre>
 * commitments:
 *   - enterprise: ent-donghai
 *     day: 2026-12-01
 *     hazard-sources: { HS-DH-01: running }      # running, shut-down or turnaround
 *     special-operations: [hot-work]             # planned today
 *     on-duty: [陈杰, 吴敏]
 *     by: dh-operator
 *     at: "2026-12-01 08:12"                     # when it was submitted (park clock, or with an offset)
 * </pre>
 */
public final class CommitmentsFile {

    private static final Set<String> ENTRY = Set.of("enterprise", "day", "hazard-sources", "special-operations",
            "on-duty", "by", "at");

    private CommitmentsFile() {
    }

    public static List<Commitment> parse(YamlSource src, PointRegistry registry) {
        Problems p = new Problems();
        ConfigNode root = src.root();
        if (root.isMissing()) {
            return List.of();
        }
        root.allowOnly(p, Set.of("commitments"));
        ZoneId zone = registry == null ? io.parkwatch.rules.config.Park.CHINA : registry.park().timeZone();
        List<Commitment> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigNode c : root.get("commitments").elements(p)) {
            c.allowOnly(p, ENTRY);
            int before = p.errors().size();
            String enterprise = c.get("enterprise").text(p, true);
            if (enterprise != null && registry != null && registry.enterprise(enterprise).isEmpty()) {
                p.add(c.get("enterprise").error("unknown enterprise '" + enterprise + "'"));
            }
            LocalDate day = null;
            String dayText = c.get("day").text(p, true);
            if (dayText != null) {
                try {
                    day = LocalDate.parse(dayText);
                } catch (DateTimeParseException e) {
                    p.add(c.get("day").error("must be a day like 2026-12-01, not '" + dayText + "'"));
                }
            }
            Map<String, String> sources = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigNode> s : c.get("hazard-sources").entries(p).entrySet()) {
                String state = s.getValue().text(p, true);
                var known = registry == null ? null : registry.hazardSource(s.getKey());
                if (known != null && known.filter(h -> h.enterpriseId().equals(enterprise)).isEmpty()) {
                    p.add(s.getValue().error("'" + s.getKey() + "' is not a major hazard source of " + enterprise
                            + " in the point registry"));
                }
                if (state != null && !Commitment.STATES.contains(state)) {
                    p.add(s.getValue().error("must be one of " + Commitment.STATES + ", not '" + state + "'"));
                }
                sources.put(s.getKey(), state);
            }
            Long at = OperationsFile.time(c.get("at"), zone, p, true);
            String by = c.get("by").text(p, true);
            if (enterprise != null && day != null && !seen.add(enterprise + "|" + day)) {
                p.add(c.get("day").error("a second commitment of " + enterprise + " for " + day
                        + " (the document keeps the latest one of each day)"));
            }
            if (p.errors().size() == before) {
                out.add(new Commitment(enterprise, day, sources, c.get("special-operations").texts(p),
                        c.get("on-duty").texts(p), by, at));
            }
        }
        p.throwIfAny();
        return out;
    }

    /** The hazard sources of an enterprise a commitment must declare. */
    public static List<String> sourcesOf(PointRegistry registry, String enterprise) {
        return registry.hazardSources().stream().filter(h -> h.enterpriseId().equals(enterprise))
                .map(HazardSource::id).toList();
    }

    /**
     * The document with {@code added} in place of that enterprise's commitment of the same day, keeping the
     * commitments of the {@code keepDays} days up to the newest one (older ones are history, not state).
     */
    public static String write(List<Commitment> existing, Commitment added, int keepDays, ZoneId zone) {
        List<Commitment> all = new ArrayList<>(existing.stream()
                .filter(c -> !(c.enterpriseId().equals(added.enterpriseId()) && c.day().equals(added.day()))).toList());
        all.add(added);
        LocalDate newest = all.stream().map(Commitment::day).max(Comparator.naturalOrder()).orElse(added.day());
        all.removeIf(c -> c.day().isBefore(newest.minusDays(keepDays - 1L)));
        all.sort(Comparator.comparing(Commitment::day).thenComparing(Commitment::enterpriseId));
        List<Map<String, Object>> docs = all.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("enterprise", c.enterpriseId());
            m.put("day", c.day().toString());
            m.put("hazard-sources", c.sources());
            m.put("special-operations", c.specialOperations());
            m.put("on-duty", c.onDuty());
            m.put("by", c.by());
            m.put("at", OffsetDateTime.ofInstant(Instant.ofEpochMilli(c.submittedAt()), zone).toString());
            return m;
        }).toList();
        try {
            return YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build()
                    .writeValueAsString(Map.of("commitments", docs));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
