package io.parkwatch.simulator.scenario;

import io.parkwatch.rules.config.ConfigNode;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.Level;
import io.parkwatch.simulator.Disturbance;
import io.parkwatch.simulator.Incident;
import io.parkwatch.simulator.Profile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario file; every mistake is reported with its line and field, and every point, enterprise
 * and level is checked against the park it is meant for. The format is documented in scenarios/README.md.
 */
public final class ScenarioFile {

    private static final Set<String> TOP = Set.of("name", "description", "duration", "speed", "interval", "seed",
            "physical-events", "incidents", "disturbances", "maintenance", "expect", "allow", "expect-incidents");
    private static final Set<String> INCIDENT = Set.of("name", "start", "points");
    private static final Set<String> DISTURBANCE = Set.of("kind", "point", "enterprise", "from", "to", "value",
            "offset", "max-delay", "late-every", "late-by");
    private static final Set<String> PERMIT = Set.of("permit", "points", "from", "to", "reason");
    private static final Set<String> EXPECT_INCIDENT = Set.of("first-out", "grouped", "scope");
    private static final Set<String> FIRST_OUT = Set.of("rule", "subject");
    private static final Set<String> EXPECT = Set.of("rule", "subject", "level", "reaches", "within", "masked-by",
            "suppressed-by");

    private ScenarioFile() {
    }

    public static Scenario load(Path path, PointRegistry park) {
        return parse(YamlSource.read(path), park);
    }

    public static Scenario parse(YamlSource src, PointRegistry park) {
        Problems p = new Problems();
        ConfigNode root = src.root();
        root.allowOnly(p, TOP);
        String name = root.get("name").text(p, true);
        String description = root.get("description").text(p, false);
        Duration duration = root.get("duration").duration(p, null);
        if (duration == null) {
            p.add(root.get("duration").error("is required (simulated time, e.g. 3m)"));
        }
        Double speed = root.get("speed").number(p, false);
        Duration interval = root.get("interval").duration(p, Duration.ofSeconds(1));
        Double seed = root.get("seed").number(p, false);

        List<Incident> incidents = new ArrayList<>();
        // what happens in the park; "incidents" in files of earlier versions (an incident is now what the job
        // groups alarms into: expect-incidents)
        if (root.has("physical-events") && root.has("incidents")) {
            p.add(root.get("incidents").error("is the earlier name of physical-events: give one of them"));
        }
        String eventsKey = root.has("incidents") ? "incidents" : "physical-events";
        for (ConfigNode n : root.get(eventsKey).elements(p)) {
            n.allowOnly(p, INCIDENT);
            Duration start = n.get("start").duration(p, Duration.ZERO);
            Map<String, Profile> profiles = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigNode> e : n.get("points").entries(p).entrySet()) {
                point(e.getValue(), e.getKey(), park, p);
                List<Double> pairs = new ArrayList<>();
                for (ConfigNode knot : e.getValue().elements(p)) {
                    List<ConfigNode> sv = knot.elements(p);
                    if (sv.size() != 2) {
                        p.add(knot.error("a knot is [second, value]"));
                        continue;
                    }
                    pairs.add(sv.get(0).number(p, true));
                    pairs.add(sv.get(1).number(p, true));
                }
                if (pairs.size() >= 2 && !pairs.contains(null)) {
                    profiles.put(e.getKey(), Profile.of(pairs.stream().mapToDouble(Double::doubleValue).toArray()));
                } else if (pairs.isEmpty()) {
                    p.add(e.getValue().error("give at least one [second, value] knot"));
                }
            }
            incidents.add(new Incident(n.get("name").text(p, false), start.toMillis() / 1000.0, profiles));
        }

        List<Disturbance> disturbances = new ArrayList<>();
        for (ConfigNode n : root.get("disturbances").elements(p)) {
            n.allowOnly(p, DISTURBANCE);
            String kind = n.get("kind").text(p, true);
            double from = seconds(n.get("from").duration(p, Duration.ZERO));
            double to = seconds(n.get("to").duration(p, duration == null ? Duration.ZERO : duration));
            if (kind == null) {
                continue;
            }
            switch (kind) {
                case "stuck" -> {
                    String point = n.get("point").text(p, true);
                    point(n.get("point"), point, park, p);
                    Double value = n.get("value").number(p, true);
                    if (point != null && value != null) {
                        disturbances.add(new Disturbance.Stuck(point, from, to, value));
                    }
                }
                case "dropout" -> disturbances.add(new Disturbance.Dropout(enterprise(n, park, p), from, to));
                case "clock-skew" -> disturbances.add(new Disturbance.ClockSkew(enterprise(n, park, p),
                        signedMillis(n.get("offset"), p)));
                case "reorder" -> {
                    Double every = n.get("late-every").number(p, false);
                    disturbances.add(new Disturbance.Reorder(enterprise(n, park, p),
                            seconds(n.get("max-delay").duration(p, Duration.ofSeconds(2))), every == null ? 0
                                    : every.intValue(), seconds(n.get("late-by").duration(p, Duration.ZERO))));
                }
                default -> p.add(n.get("kind").error("must be stuck, dropout, clock-skew or reorder, not '" + kind + "'"));
            }
        }

        List<Scenario.Permit> permits = new ArrayList<>();
        for (ConfigNode n : root.get("maintenance").elements(p)) {
            n.allowOnly(p, PERMIT);
            List<String> points = n.get("points").texts(p);
            for (ConfigNode x : n.get("points").elements(p)) {
                point(x, x.text(p, true), park, p);
            }
            permits.add(new Scenario.Permit(n.get("permit").text(p, true), points, n.get("from").duration(p, Duration.ZERO),
                    n.get("to").duration(p, duration), n.get("reason").text(p, false)));
        }

        List<Scenario.ExpectedAlert> expected = new ArrayList<>();
        for (ConfigNode n : root.get("expect").elements(p)) {
            n.allowOnly(p, EXPECT);
            List<ConfigNode> within = n.get("within").elements(p);
            Duration from = Duration.ZERO;
            Duration to = duration;
            if (within.size() == 2) {
                from = within.get(0).duration(p, Duration.ZERO);
                to = within.get(1).duration(p, duration);
            } else if (n.has("within")) {
                p.add(n.get("within").error("is [earliest, latest] after the start, e.g. [20s, 45s]"));
            }
            expected.add(new Scenario.ExpectedAlert(n.get("rule").text(p, true), n.get("subject").text(p, true),
                    level(n.get("level"), true, p), level(n.get("reaches"), false, p), from, to,
                    n.has("masked-by") ? n.get("masked-by").text(p, false) // earlier files: suppressed-by
                            : n.get("suppressed-by").text(p, false)));
        }
        List<String> allowed = root.get("allow").texts(p);
        List<Scenario.ExpectedIncident> expectedIncidents = new ArrayList<>();
        for (ConfigNode n : root.get("expect-incidents").elements(p)) {
            n.allowOnly(p, EXPECT_INCIDENT);
            ConfigNode first = n.get("first-out");
            first.allowOnly(p, FIRST_OUT);
            String scope = n.get("scope").text(p, false);
            if (scope != null && !io.parkwatch.rules.incident.IncidentGrouping.SCOPES.contains(scope)) {
                p.add(n.get("scope").error("must be one of " + io.parkwatch.rules.incident.IncidentGrouping.SCOPES
                        + ", not '" + scope + "'"));
            }
            expectedIncidents.add(new Scenario.ExpectedIncident(first.get("rule").text(p, true),
                    first.get("subject").text(p, true), n.get("grouped").texts(p), scope));
        }
        p.throwIfAny();
        return new Scenario(name, description, duration, speed == null ? 1 : speed, interval,
                seed == null ? 42 : seed.longValue(), incidents, disturbances, permits, expected, allowed,
                expectedIncidents);
    }

    private static void point(ConfigNode at, String id, PointRegistry park, Problems p) {
        if (id != null && park != null && park.point(id).isEmpty()) {
            p.add(at.error("unknown point '" + id + "'"));
        }
    }

    private static String enterprise(ConfigNode n, PointRegistry park, Problems p) {
        String e = n.get("enterprise").text(p, true);
        if (e != null && park != null && park.enterprise(e).isEmpty()) {
            p.add(n.get("enterprise").error("unknown enterprise '" + e + "'"));
        }
        return e;
    }

    private static String level(ConfigNode n, boolean required, Problems p) {
        String text = n.text(p, required);
        if (text == null) {
            return null;
        }
        try {
            return Level.valueOf(text.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            p.add(n.error("must be WARN, ALARM or CRITICAL, not '" + text + "'"));
            return null;
        }
    }

    /** A duration that may be negative ({@code -3s}: a clock running behind). */
    private static long signedMillis(ConfigNode n, Problems p) {
        String text = n.text(p, true);
        if (text == null) {
            return 0;
        }
        boolean negative = text.trim().startsWith("-");
        try {
            long ms = io.parkwatch.rules.config.Durations.parse(negative ? text.trim().substring(1) : text).toMillis();
            return negative ? -ms : ms;
        } catch (IllegalArgumentException e) {
            p.add(n.error(e.getMessage()));
            return 0;
        }
    }

    private static double seconds(Duration d) {
        return d == null ? 0 : d.toMillis() / 1000.0;
    }
}
