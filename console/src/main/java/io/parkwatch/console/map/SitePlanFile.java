package io.parkwatch.console.map;

import io.parkwatch.rules.config.ConfigNode;
import io.parkwatch.rules.config.EntryList;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.Point;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the site plan (config/site-plan.yaml); every problem of the file at once, each with its line and field:
 * <pre>
 * size: [1000, 640]            # width and height of the plan
 * background: site-plan.png    # optional image under the plan (next to this file)
 * outline: [[0, 0], [1000, 0], [1000, 640], [0, 640]]
 * enterprises:
 *   - enterprise: ent-huaxin
 *     area: [[40, 40], [460, 40], [460, 300], [40, 300]]
 *     units:
 *       - { id: T-101, circle: [140, 150], r: 45 }     # or rect: [x, y] with size: [w, h]
 *     points:
 *       - { id: HX-T101-GT1, at: [120, 215] }
 * </pre>
 * Units are the tanks and units the point registry names ({@code tank:}); points must be the enterprise's own.
 */
public final class SitePlanFile {

    private static final Set<String> TOP = Set.of("size", "background", "outline", "enterprises");
    private static final Set<String> AREA = Set.of("enterprise", "area", "units", "points");
    private static final Set<String> UNIT = Set.of("id", "circle", "r", "rect", "size");
    private static final Set<String> MARKER = Set.of("id", "at");

    private SitePlanFile() {
    }

    /** Largest background image: a plan drawing, not a satellite mosaic. */
    static final long MAX_BACKGROUND_BYTES = 5L * 1024 * 1024;

    /** Reads the plan and its background image (next to it), which the page gets inline. */
    public static SitePlan load(Path file, PointRegistry registry) {
        YamlSource src = YamlSource.read(file);
        SitePlan plan = parse(src, registry);
        if (plan.background() == null) {
            return plan;
        }
        Path image = file.toAbsolutePath().getParent().resolve(plan.background());
        Problems problems = new Problems();
        String inline = null;
        try {
            long size = java.nio.file.Files.size(image);
            if (size > MAX_BACKGROUND_BYTES) {
                problems.add(src.root().get("background").error("the image is " + size + " bytes; at most "
                        + MAX_BACKGROUND_BYTES));
            } else {
                String name = plan.background().toLowerCase(java.util.Locale.ROOT);
                String type = name.endsWith(".svg") ? "image/svg+xml" : name.endsWith(".png") ? "image/png" : "image/jpeg";
                inline = "data:" + type + ";base64," + java.util.Base64.getEncoder()
                        .encodeToString(java.nio.file.Files.readAllBytes(image));
            }
        } catch (java.io.IOException e) {
            problems.add(src.root().get("background").error("cannot read " + image + ": " + e.getMessage()));
        }
        problems.throwIfAny();
        return new SitePlan(plan.width(), plan.height(), plan.outline(), inline, plan.areas());
    }

    public static SitePlan parse(YamlSource src, PointRegistry registry) {
        Problems problems = new Problems();
        ConfigNode root = src.root();
        root.allowOnly(problems, TOP);
        double[] size = pair(root.get("size"), problems, null);
        Plane plane = new Plane(size == null ? Double.MAX_VALUE : size[0], size == null ? Double.MAX_VALUE : size[1]);
        List<double[]> outline = root.has("outline") ? polygon(root.get("outline"), plane, problems) : List.of();
        String background = root.get("background").text(problems, false);
        if (background != null && (background.contains("/") || background.contains("\\") || background.startsWith(".")
                || !background.matches("[\\w.-]+\\.(png|jpg|jpeg|svg)"))) {
            problems.add(root.get("background").error("must be the name of a .png, .jpg or .svg file next to the site plan"));
        }
        List<SitePlan.Area> areas = new ArrayList<>();
        Set<String> enterprises = new HashSet<>();
        Set<String> placed = new HashSet<>();
        for (ConfigNode a : root.get("enterprises").elements(problems)) {
            a.allowOnly(problems, AREA);
            String ent = a.get("enterprise").text(problems, true);
            if (!EntryList.knownEnterprise(a.get("enterprise"), ent, registry, problems)
                    || !EntryList.unique(a.get("enterprise"), ent, enterprises, "enterprise", problems)) {
                continue;
            }
            List<double[]> area = polygon(a.get("area"), plane, problems);
            List<SitePlan.Unit> units = new ArrayList<>();
            Set<String> unitIds = new HashSet<>();
            for (ConfigNode u : a.get("units").elements(problems)) {
                SitePlan.Unit unit = unit(u, ent, registry, plane, problems);
                if (unit != null && EntryList.unique(u.get("id"), unit.id(), unitIds, "unit", problems)) {
                    units.add(unit);
                }
            }
            List<SitePlan.Marker> points = new ArrayList<>();
            for (ConfigNode p : a.get("points").elements(problems)) {
                p.allowOnly(problems, MARKER);
                String id = p.get("id").text(problems, true);
                double[] at = pair(p.get("at"), problems, plane);
                if (EntryList.pointOf(p.get("id"), id, ent, registry, problems)
                        && EntryList.unique(p.get("id"), id, placed, "point", problems) && id != null && at != null) {
                    points.add(new SitePlan.Marker(id, at[0], at[1]));
                }
            }
            if (ent != null) {
                areas.add(new SitePlan.Area(ent, area, units, points));
            }
        }
        problems.throwIfAny();
        return new SitePlan(size[0], size[1], outline, background, areas);
    }

    /** The plan's extent: every coordinate must lie on it. */
    private record Plane(double width, double height) {

        boolean holds(double[] xy) {
            return xy[0] >= 0 && xy[1] >= 0 && xy[0] <= width && xy[1] <= height;
        }
    }

    private static SitePlan.Unit unit(ConfigNode u, String enterprise, PointRegistry registry, Plane plane,
            Problems problems) {
        u.allowOnly(problems, UNIT);
        String id = u.get("id").text(problems, true);
        if (id != null && registry != null && !registry.unitsOf(enterprise).contains(id)) {
            problems.add(u.get("id").error("'" + id + "' is not a tank or unit of enterprise '" + enterprise
                    + "' in the point registry (tank: of its points)"));
            return null;
        }
        if (u.has("circle") == u.has("rect")) {
            problems.add(u.error("needs either circle: [x, y] with r:, or rect: [x, y] with size: [w, h]"));
            return null;
        }
        if (u.has("circle")) {
            double[] c = pair(u.get("circle"), problems, plane);
            Double r = u.get("r").number(problems, true);
            if (r != null && r <= 0) {
                problems.add(u.get("r").error("must be positive"));
            }
            return c == null || r == null || id == null ? null : new SitePlan.Unit(id, "circle", c[0], c[1], r, 0, 0);
        }
        double[] c = pair(u.get("rect"), problems, plane);
        double[] wh = pair(u.get("size"), problems, null);
        return c == null || wh == null || id == null ? null : new SitePlan.Unit(id, "rect", c[0], c[1], 0, wh[0], wh[1]);
    }

    /** [a, b] of two positive numbers (sizes) or, with a plane, a point on it. */
    private static double[] pair(ConfigNode n, Problems problems, Plane plane) {
        if (n.isMissing()) {
            problems.add(n.error("is required: [x, y]"));
            return null;
        }
        List<ConfigNode> xy = n.elements(problems);
        if (xy.size() != 2) {
            if (n.isArray()) {
                problems.add(n.error("must be two numbers [x, y]"));
            }
            return null;
        }
        Double a = xy.get(0).number(problems, true);
        Double b = xy.get(1).number(problems, true);
        if (a == null || b == null) {
            return null;
        }
        double[] out = {a, b};
        if (plane == null && (a <= 0 || b <= 0)) {
            problems.add(n.error("must be two positive numbers"));
            return null;
        }
        if (plane != null && !plane.holds(out)) {
            problems.add(n.error("[" + a + ", " + b + "] lies outside the plan (size " + fmt(plane.width()) + " x "
                    + fmt(plane.height()) + ")"));
            return null;
        }
        return out;
    }

    private static List<double[]> polygon(ConfigNode n, Plane plane, Problems problems) {
        List<double[]> out = new ArrayList<>();
        List<ConfigNode> corners = n.elements(problems);
        if (n.isMissing() || (n.isArray() && corners.size() < 3)) {
            problems.add(n.error("needs at least three corners [[x, y], ...]"));
            return out;
        }
        for (ConfigNode c : corners) {
            double[] xy = pair(c, problems, plane);
            if (xy != null) {
                out.add(xy);
            }
        }
        return out;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** Points of the registry the plan does not place (told at start, so a forgotten detector is noticed). */
    public static List<String> unplaced(SitePlan plan, PointRegistry registry) {
        Set<String> placed = new HashSet<>();
        plan.areas().forEach(a -> a.points().forEach(m -> placed.add(m.point())));
        return registry.points().stream().map(Point::id).filter(id -> !placed.contains(id)).toList();
    }
}
