package io.parkwatch.rules.config;

import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.PointKind;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a point registry YAML file:
 * <pre>
 * park:                      # optional
 *   name: 某化工园区
 *   time-zone: Asia/Shanghai # times people read are in it (the default)
 * enterprises:
 *   - id: ent-a
 *     name: A Petrochemical
 *     status: operating      # or shut-down (停产): process activity there raises an alarm
 *     shut-down-units: # tanks or units shut down while the rest runs
 * hazard-sources:           # major hazard sources (重大危险源), optional
 *   - { id: HS-A-01, name: 苯储罐区, enterprise: ent-a, grade: 三级, tanks: [T101] }   # grade 1-4 or 一级-四级
 * points:
 *   - id: A-T101-LEL1
 *     enterprise: ent-a
 *     kind: gas_lel          # see PointKind
 *     unit: "%LEL"           # optional, defaults by kind
 *     range: [0, 100]        # instrument range
 *     interval: 1s           # expected reporting interval
 *     tank: T101             # tank or process unit (optional)
 *     zone: A-Z1             # detection zone (optional)
 *     name: Gas detector 1 at tank T101
 * </pre>
 */
public final class PointRegistryFile {

    private static final Set<String> TOP = Set.of("park", "enterprises", "hazard-sources", "points");
    private static final Set<String> HAZARD_SOURCE = Set.of("id", "name", "enterprise", "grade", "tanks");
    private static final Set<String> PARK = Set.of("name", "time-zone");
    private static final Set<String> ENTERPRISE = Set.of("id", "name", "status", "shut-down-units");
    private static final Set<String> POINT = Set.of("id", "enterprise", "kind", "unit", "range", "interval", "tank",
            "zone", "name", "tags", "logger");

    private PointRegistryFile() {
    }

    public static PointRegistry load(Path path) {
        return parse(YamlSource.read(path));
    }

    public static PointRegistry parse(YamlSource src) {
        Problems problems = new Problems();
        ConfigNode root = src.root();
        if (!root.isObject()) {
            problems.add(root.error("a point registry must be a mapping with 'enterprises' and 'points'"));
            problems.throwIfAny();
        }
        root.allowOnly(problems, TOP);
        Park park = park(root.get("park"), problems);

        Map<String, Enterprise> enterprises = new LinkedHashMap<>();
        for (ConfigNode e : root.get("enterprises").elements(problems)) {
            e.allowOnly(problems, ENTERPRISE);
            String id = e.get("id").text(problems, true);
            String name = e.get("name").text(problems, false);
            String status = e.get("status").text(problems, false);
            if (status != null && !status.equals("operating") && !status.equals("shut-down")) {
                problems.add(e.get("status").error("must be 'operating' or 'shut-down', got '" + status + "'"));
            }
            Enterprise ent = new Enterprise(id, name == null ? id : name, "shut-down".equals(status),
                    new java.util.LinkedHashSet<>(e.get("shut-down-units").texts(problems)));
            if (id != null && enterprises.putIfAbsent(id, ent) != null) {
                problems.add(e.get("id").error("duplicate enterprise id '" + id + "'"));
            }
        }
        List<HazardSource> sources = hazardSources(root.get("hazard-sources"), enterprises, problems);
        if (!root.has("points")) {
            problems.add(root.get("points").error("is required"));
        }
        List<Point> points = new ArrayList<>();
        Map<String, ConfigNode> seen = new HashMap<>();
        for (ConfigNode p : root.get("points").elements(problems)) {
            Point point = point(p, enterprises, problems);
            if (point == null) {
                continue;
            }
            if (seen.putIfAbsent(point.id(), p) != null) {
                problems.add(p.get("id").error("duplicate point id '" + point.id() + "'"));
                continue;
            }
            points.add(point);
        }
        problems.throwIfAny();
        return new PointRegistry(park, enterprises.values(), points).withHazardSources(sources);
    }

    private static List<HazardSource> hazardSources(ConfigNode list, Map<String, Enterprise> enterprises,
            Problems problems) {
        List<HazardSource> sources = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (ConfigNode h : list.elements(problems)) {
            h.allowOnly(problems, HAZARD_SOURCE);
            String id = h.get("id").text(problems, true);
            String enterprise = h.get("enterprise").text(problems, true);
            if (enterprise != null && !enterprises.containsKey(enterprise)) {
                problems.add(h.get("enterprise").error("enterprise '" + enterprise
                        + "' is not declared under 'enterprises'"));
            }
            String gradeText = h.get("grade").text(problems, false);
            int grade = HazardSource.grade(gradeText);
            if (gradeText != null && grade == 0) {
                problems.add(h.get("grade").error("must be 1 to 4 (一级 to 四级), not '" + gradeText + "'"));
            }
            if (id != null && !ids.add(id)) {
                problems.add(h.get("id").error("duplicate hazard source id '" + id + "'"));
            }
            String name = h.get("name").text(problems, false);
            sources.add(new HazardSource(id, name == null ? id : name, enterprise, grade, h.get("tanks").texts(problems)));
        }
        return sources;
    }

    private static Park park(ConfigNode n, Problems problems) {
        if (n.isMissing()) {
            return Park.DEFAULT;
        }
        n.allowOnly(problems, PARK);
        String name = n.get("name").text(problems, false);
        String zone = n.get("time-zone").text(problems, false);
        ZoneId tz = Park.CHINA;
        if (zone != null) {
            try {
                tz = ZoneId.of(zone);
            } catch (DateTimeException e) {
                problems.add(n.get("time-zone").error("unknown time zone '" + zone + "' (for example Asia/Shanghai)"));
            }
        }
        return new Park(name == null ? Park.DEFAULT.name() : name, tz);
    }

    private static Point point(ConfigNode p, Map<String, Enterprise> enterprises, Problems problems) {
        int before = problems.errors().size();
        p.allowOnly(problems, POINT);
        String id = p.get("id").text(problems, true);
        String enterprise = p.get("enterprise").text(problems, true);
        if (enterprise != null && !enterprises.containsKey(enterprise)) {
            problems.add(p.get("enterprise").error("enterprise '" + enterprise + "' is not declared under 'enterprises'"));
        }
        PointKind kind = null;
        String kindText = p.get("kind").text(problems, true);
        if (kindText != null) {
            try {
                kind = PointKind.parse(kindText);
            } catch (IllegalArgumentException e) {
                problems.add(p.get("kind").error(e.getMessage() + " (expected one of " + PointKind.allNames() + ")"));
            }
        }
        String unit = p.get("unit").text(problems, false);
        double low = 0;
        double high = 100;
        ConfigNode range = p.get("range");
        if (range.isMissing()) {
            problems.add(range.error("is required: the instrument range as [low, high]"));
        } else {
            List<ConfigNode> ends = range.elements(problems);
            if (range.isArray() && ends.size() != 2) {
                problems.add(range.error("must be [low, high]"));
            } else if (ends.size() == 2) {
                Double lo = ends.get(0).number(problems, true);
                Double hi = ends.get(1).number(problems, true);
                if (lo != null && hi != null) {
                    if (lo >= hi) {
                        problems.add(range.error("low end " + lo + " must be below high end " + hi));
                    }
                    low = lo;
                    high = hi;
                }
            }
        }
        Duration interval = p.get("interval").duration(problems, Duration.ofSeconds(1));
        if (interval.isZero() || interval.isNegative()) {
            problems.add(p.get("interval").error("must be positive"));
        }
        String tank = p.get("tank").text(problems, false);
        String zone = p.get("zone").text(problems, false);
        String name = p.get("name").text(problems, false);
        String logger = p.get("logger").text(problems, false);
        Map<String, String> tags = new LinkedHashMap<>();
        p.get("tags").entries(problems).forEach((k, v) -> {
            String s = v.text(problems, true);
            if (s != null) {
                tags.put(k, s);
            }
        });
        if (problems.errors().size() > before || id == null || kind == null) {
            return null;
        }
        return new Point(id, enterprise, kind, unit != null ? unit : kind.defaultUnit(), low, high, interval, tank,
                zone, name, tags, logger);
    }
}
