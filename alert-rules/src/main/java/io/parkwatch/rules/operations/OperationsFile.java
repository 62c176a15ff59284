package io.parkwatch.rules.operations;

import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.parkwatch.rules.config.ConfigNode;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.Point;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and writes the operations document: the park's own modes, the mode changes (planned ones from the
 * schedule, ordered ones from commands, each with who and why) and the instruments out of service.
 * <pre>
 * modes: [trial-run]                 # modes this park adds to running, start-up, shut-down, turnaround
 * changes:
 *   - { subject: ent-donghai, mode: turnaround, at: "2026-12-01 08:00", by: schedule, reason: 年度大检修 }
 * out-of-service:
 *   - { point: HX-T101-GT2, reason: 探头更换, since: "2026-11-30 09:00", expected-return: "2026-11-30 17:00", by: duty }
 * </pre>
 * Times are ISO date-times with an offset, or {@code yyyy-MM-dd HH:mm[:ss]} on the park's clock. A subject is an
 * enterprise id, or a tank or unit that points name.
 */
public final class OperationsFile {

    private static final Set<String> TOP = Set.of("modes", "changes", "out-of-service");
    private static final Set<String> CHANGE = Set.of("subject", "mode", "at", "by", "reason");
    private static final Set<String> SERVICE = Set.of("point", "reason", "since", "expected-return", "by");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private OperationsFile() {
    }

    public static PlantOperations parse(YamlSource src, PointRegistry registry) {
        Problems problems = new Problems();
        ConfigNode root = src.root();
        if (root.isMissing()) {
            return PlantOperations.NONE.with(registry);
        }
        root.allowOnly(problems, TOP);
        ZoneId zone = registry == null ? io.parkwatch.rules.config.Park.CHINA : registry.park().timeZone();
        List<String> extra = root.get("modes").texts(problems);
        Set<String> modes = new HashSet<>(PlantOperations.STANDARD_MODES);
        modes.addAll(extra);
        Set<String> subjects = registry == null ? null : subjects(registry);
        List<ModeChange> changes = new ArrayList<>();
        for (ConfigNode c : root.get("changes").elements(problems)) {
            c.allowOnly(problems, CHANGE);
            int before = problems.errors().size();
            String subject = c.get("subject").text(problems, true);
            String mode = c.get("mode").text(problems, true);
            Long at = time(c.get("at"), zone, problems, true);
            if (subject != null && subjects != null && !subjects.contains(subject)) {
                problems.add(c.get("subject").error("unknown subject '" + subject
                        + "' (an enterprise id, or a tank or unit of the points)"));
            }
            if (mode != null && !modes.contains(mode)) {
                problems.add(c.get("mode").error("unknown mode '" + mode + "' (known: " + String.join(", ",
                        modes.stream().sorted().toList()) + "; a park adds its own under 'modes')"));
            }
            String by = c.get("by").text(problems, false);
            if (problems.errors().size() == before) {
                changes.add(new ModeChange(subject, mode, at, by == null ? "schedule" : by,
                        c.get("reason").text(problems, false)));
            }
        }
        List<OutOfService> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigNode o : root.get("out-of-service").elements(problems)) {
            o.allowOnly(problems, SERVICE);
            int before = problems.errors().size();
            String point = o.get("point").text(problems, true);
            if (point != null && registry != null && registry.point(point).isEmpty()) {
                problems.add(o.get("point").error("unknown point '" + point + "'"));
            }
            if (point != null && !seen.add(point)) {
                problems.add(o.get("point").error("point '" + point + "' is listed twice"));
            }
            String reason = o.get("reason").text(problems, true);
            Long since = time(o.get("since"), zone, problems, true);
            Long back = time(o.get("expected-return"), zone, problems, true);
            if (since != null && back != null && back <= since) {
                problems.add(o.get("expected-return").error("must be after 'since'"));
            }
            String by = o.get("by").text(problems, true);
            if (problems.errors().size() == before) {
                out.add(new OutOfService(point, reason, since, back, by));
            }
        }
        problems.throwIfAny();
        return new PlantOperations(extra, changes, out, registry);
    }

    /** The document for these operations, as the config topic keeps it (times with the park's offset). */
    public static String write(PlantOperations ops, ZoneId zone) {
        Map<String, Object> doc = new LinkedHashMap<>();
        List<String> extra = ops.modes().stream().filter(m -> !PlantOperations.STANDARD_MODES.contains(m)).sorted()
                .toList();
        if (!extra.isEmpty()) {
            doc.put("modes", extra);
        }
        doc.put("changes", ops.changes().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("subject", c.subject());
            m.put("mode", c.mode());
            m.put("at", iso(c.at(), zone));
            m.put("by", c.by());
            if (c.reason() != null) {
                m.put("reason", c.reason());
            }
            return m;
        }).toList());
        doc.put("out-of-service", ops.outOfService().values().stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("point", o.pointId());
            m.put("reason", o.reason());
            m.put("since", iso(o.since(), zone));
            m.put("expected-return", iso(o.expectedReturn(), zone));
            m.put("by", o.by());
            return m;
        }).toList());
        try {
            return YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build().writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Enterprise ids, and the tanks and units the points name. */
    public static Set<String> subjects(PointRegistry registry) {
        Set<String> s = registry.points().stream().map(Point::tank).filter(Objects::nonNull).collect(Collectors.toSet());
        registry.enterprises().forEach(e -> s.add(e.id()));
        return s;
    }

    /** A time given by a person (API, command line): ISO with offset, or yyyy-MM-dd HH:mm[:ss] on the park's clock. */
    public static long time(String s, ZoneId zone) {
        Long t = parse(s, zone);
        if (t == null) {
            throw new IllegalArgumentException(notATime(s));
        }
        return t;
    }

    /** The same, from a file: null (with a problem naming line and field) when it is no such time. */
    public static Long time(ConfigNode n, ZoneId zone, Problems problems, boolean required) {
        String s = n.text(problems, required);
        if (s == null) {
            return null;
        }
        Long t = parse(s, zone);
        if (t == null) {
            problems.add(n.error(notATime(s)));
        }
        return t;
    }

    private static Long parse(String s, ZoneId zone) {
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s, LOCAL).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String notATime(String s) {
        return "'" + s + "' is not a time like 2026-12-01 08:00 (the park's clock) or 2026-12-01T08:00:00+08:00";
    }

    private static String iso(long at, ZoneId zone) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(at), zone).toString();
    }
}
