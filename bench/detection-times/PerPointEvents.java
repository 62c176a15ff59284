import io.parkwatch.rules.engine.RuleSlice;
import io.parkwatch.rules.engine.RuleStateStore;
import io.parkwatch.rules.model.*;
import io.parkwatch.rules.ruleset.ParkFiles;
import io.parkwatch.rules.ruleset.RuleEngine;
import java.nio.file.*;
import java.util.*;

/**
 * Runs the per-point rules of config/ over the readings ScenarioReadings wrote, one fresh engine per scenario, and
 * prints each raised, escalated and recovered alert: scenario, rule, point, type, level, seconds after the start.
 * Compiled against each version being compared (bench/detection-times.sh).
 */
public class PerPointEvents {
    public static void main(String[] a) throws Exception {
        Path root = Path.of(a[0]);
        String cur = null; RuleEngine engine = null; Map<String, Map<String, RuleSlice>> state = null;
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(a[1]))) {
            String[] f = line.split(",");
            if (!f[0].equals(cur)) {
                cur = f[0];
                engine = ParkFiles.engine(t(root, "points.yaml"), t(root, "rules.yaml"), null, t(root, "operations.yaml"));
                state = new HashMap<>();
            }
            long start = Long.parseLong(f[1]);
            Optional<Point> p = engine.point(f[2]);
            if (p.isEmpty()) continue;
            long ts = Long.parseLong(f[3]);
            Map<String, RuleSlice> s = state.computeIfAbsent(f[2], k -> new HashMap<>());
            for (AlertUpdate u : engine.evaluate(p.get(), new Reading(f[2], p.get().enterpriseId(), ts, Double.parseDouble(f[4]), Quality.N, ts), RuleStateStore.over(s), ts)) {
                AlertEvent e = u.event();
                if (e.type() == AlertEventType.RAISED || e.type() == AlertEventType.LEVEL_CHANGED || e.type() == AlertEventType.RECOVERED)
                    out.add(String.format(Locale.ROOT, "%s %s %s %s %s %+.1f", cur, e.ruleId(), e.pointId(), e.type(), e.level(), (e.eventTime() - start) / 1000.0));
            }
        }
        out.forEach(System.out::println);
    }
    static ParkFiles.Text t(Path root, String n) throws Exception {
        return new ParkFiles.Text(n, Files.readString(root.resolve("config").resolve(n)));
    }
}
