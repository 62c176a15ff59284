package io.parkwatch.rules.maintenance;

import io.parkwatch.rules.config.ConfigNode;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.EntryList;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.config.YamlSource;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a maintenance file:
 * <pre>
 * windows:
 *   - permit: WP-2026-0113            # the work permit (作业票) number
 *     points: [HX-T101-GT1]           # only these points are masked
 *     from: 2026-11-23T08:00:00+08:00
 *     to:   2026-11-23T18:00:00+08:00
 *     reason: detector recalibration
 * </pre>
 */
public final class MaintenanceFile {

    private static final Set<String> WINDOW = Set.of("permit", "points", "from", "to", "reason");

    private MaintenanceFile() {
    }

    public static MaintenanceSchedule parse(YamlSource src, PointRegistry registry) {
        Problems problems = new Problems();
        List<MaintenanceWindow> windows = new ArrayList<>();
        Set<String> permits = new HashSet<>();
        for (ConfigNode w : EntryList.entries(src, problems, "windows", false, WINDOW)) {
            int before = problems.errors().size();
            String permit = w.get("permit").text(problems, true);
            Set<String> points = new LinkedHashSet<>(w.get("points").texts(problems));
            if (points.isEmpty() && w.isObject()) {
                problems.add(w.get("points").error("must list the points the permit covers (a permit never masks a whole plant)"));
            }
            if (registry != null) {
                for (String p : points) {
                    if (registry.point(p).isEmpty()) {
                        problems.add(w.get("points").error("unknown point '" + p + "'"));
                    }
                }
            }
            Long from = time(w.get("from"), problems);
            Long to = time(w.get("to"), problems);
            if (from != null && to != null && to <= from) {
                problems.add(w.get("to").error("must be after 'from'"));
            }
            EntryList.unique(w.get("permit"), permit, permits, "permit", problems);
            if (problems.errors().size() == before) {
                windows.add(new MaintenanceWindow(permit, points, from, to, w.get("reason").text(problems, false)));
            }
        }
        problems.throwIfAny();
        return new MaintenanceSchedule(windows);
    }

    private static Long time(ConfigNode n, Problems problems) {
        String s = n.text(problems, true);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            problems.add(n.error("'" + s + "' is not a date-time with offset, e.g. 2026-11-23T08:00:00+08:00"));
            return null;
        }
    }
}
