package io.parkwatch.ingest.device;

import io.parkwatch.rules.config.ConfigNode;
import io.parkwatch.rules.config.PasswordHashes;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.config.YamlSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the device credentials file:
 * <pre>
 * devices:
 *   - username: huaxin-dl01
 *     password-hash: "$2a$10$..."   # bcrypt; make one with: ./parkwatch hash-password
 *     enterprise: ent-huaxin
 *     points: [HX-T101-LT, HX-T101-TT]   # optional: only these points (default: any of its enterprise)
 * </pre>
 */
public final class DeviceRegistryFile {

    private static final Set<String> TOP = Set.of("devices");
    private static final Set<String> DEVICE = Set.of("username", "password-hash", "enterprise", "points");

    private DeviceRegistryFile() {
    }

    public static DeviceRegistry load(Path path, PointRegistry points) {
        return parse(YamlSource.read(path), points);
    }

    public static DeviceRegistry parse(YamlSource src, PointRegistry points) {
        Problems problems = new Problems();
        ConfigNode root = src.root();
        root.allowOnly(problems, TOP);
        if (!root.has("devices")) {
            problems.add(root.get("devices").error("is required"));
        }
        List<Device> devices = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode d : root.get("devices").elements(problems)) {
            d.allowOnly(problems, DEVICE);
            String user = d.get("username").text(problems, true);
            String hash = d.get("password-hash").text(problems, true);
            String enterprise = d.get("enterprise").text(problems, true);
            if (hash != null && !PasswordHashes.isBcrypt(hash)) {
                problems.add(d.get("password-hash").error(PasswordHashes.ADVICE));
                continue;
            }
            if (enterprise != null && points != null && points.enterprise(enterprise).isEmpty()) {
                problems.add(d.get("enterprise").error("unknown enterprise '" + enterprise + "'"));
                continue;
            }
            if (user != null && !names.add(user)) {
                problems.add(d.get("username").error("duplicate user name '" + user + "'"));
                continue;
            }
            Set<String> allowed = null;
            if (d.has("points")) {
                allowed = new HashSet<>();
                for (ConfigNode p : d.get("points").elements(problems)) {
                    String id = p.text(problems, true);
                    if (id != null && points != null && enterprise != null
                            && points.point(id).filter(x -> x.enterpriseId().equals(enterprise)).isEmpty()) {
                        problems.add(p.error("'" + id + "' is not a point of enterprise '" + enterprise + "'"));
                    } else if (id != null) {
                        allowed.add(id);
                    }
                }
            }
            if (user != null && hash != null && enterprise != null) {
                devices.add(new Device(user, hash, enterprise, allowed == null ? null : Set.copyOf(allowed)));
            }
        }
        problems.throwIfAny();
        return new DeviceRegistry(devices);
    }
}
