package io.parkwatch.ingest.hj212;

import io.parkwatch.rules.config.ConfigNode;
import io.parkwatch.rules.config.EntryList;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.config.YamlSource;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the HJ 212 data loggers and which code is which point:
 * <pre>
 * loggers:
 *   - mn: "XY2026000000000000000001"
 *     enterprise: ent-xinyuan
 *     password-hash: "$2a$10$..."     # of the logger's PW; ./parkwatch hash-password
 *     codes:
 *       a21028: XY-R301-H2S           # hydrogen sulfide
 *       a01001: XY-R301-TT            # temperature
 * </pre>
 */
public final class Hj212LoggersFile {

    private static final Set<String> LOGGER = Set.of("mn", "enterprise", "password-hash", "codes");

    private Hj212LoggersFile() {
    }

    public static Map<String, Hj212Logger> load(Path path, PointRegistry points) {
        return parse(YamlSource.read(path), points);
    }

    public static Map<String, Hj212Logger> parse(YamlSource src, PointRegistry points) {
        Problems problems = new Problems();
        Map<String, Hj212Logger> loggers = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConfigNode n : EntryList.entries(src, problems, "loggers", false, LOGGER)) {
            String mn = n.get("mn").text(problems, true);
            String enterprise = n.get("enterprise").text(problems, true);
            String hash = n.get("password-hash").text(problems, true);
            EntryList.bcrypt(n.get("password-hash"), hash, problems);
            EntryList.knownEnterprise(n.get("enterprise"), enterprise, points, problems);
            EntryList.unique(n.get("mn"), mn, seen, "MN", problems);
            Map<String, String> codes = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigNode> c : n.get("codes").entries(problems).entrySet()) {
                String point = c.getValue().text(problems, true);
                EntryList.pointOf(c.getValue(), point, enterprise, points, problems);
                codes.put(c.getKey(), point);
            }
            if (mn != null && enterprise != null && hash != null) {
                loggers.put(mn, new Hj212Logger(mn, enterprise, hash, Map.copyOf(codes)));
            }
        }
        problems.throwIfAny();
        return Map.copyOf(loggers);
    }
}
