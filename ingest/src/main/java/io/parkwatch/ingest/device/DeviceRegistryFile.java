package io.parkwatch.ingest.device;

import io.parkwatch.rules.config.ConfigNode;
import io.parkwatch.rules.config.EntryList;
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

    private static final Set<String> DEVICE = Set.of("username", "password-hash", "enterprise", "points");

    private DeviceRegistryFile() {
    }

    public static DeviceRegistry load(Path path, PointRegistry points) {
        return parse(YamlSource.read(path), points);
    }

    public static DeviceRegistry parse(YamlSource src, PointRegistry points) {
        Problems problems = new Problems();
        List<Device> devices = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode d : EntryList.entries(src, problems, "devices", true, DEVICE)) {
            String user = d.get("username").text(problems, true);
            String hash = d.get("password-hash").text(problems, true);
            String enterprise = d.get("enterprise").text(problems, true);
            if (!EntryList.bcrypt(d.get("password-hash"), hash, problems)
                    || !EntryList.knownEnterprise(d.get("enterprise"), enterprise, points, problems)
                    || !EntryList.unique(d.get("username"), user, names, "user name", problems)) {
                continue;
            }
            Set<String> allowed = null;
            if (d.has("points")) {
                allowed = new HashSet<>();
                for (ConfigNode p : d.get("points").elements(problems)) {
                    String id = p.text(problems, true);
                    if (id != null && EntryList.pointOf(p, id, enterprise, points, problems)) {
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
