package io.parkwatch.console.auth;

import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.config.ConfigNode;
import io.parkwatch.rules.config.EntryList;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.Problems;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.AlertCommand.Role;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the console's users:
 * <pre>
 * users:
 *   - username: duty
 *     name: Wang (duty officer)
 *     role: park-officer            # or enterprise-operator
 *     password-hash: "$2a$10$..."   # ./parkwatch hash-password
 *   - username: huaxin-cr
 *     name: Huaxin control room
 *     role: enterprise-operator
 *     enterprise: ent-huaxin
 *     password-hash: "$2a$10$..."
 * </pre>
 */
public final class UsersFile {

    private static final Set<String> USER = Set.of("username", "name", "role", "enterprise", "password-hash", "language");

    private UsersFile() {
    }

    public static Map<String, ConsoleUser> load(Path path, PointRegistry points) {
        return parse(YamlSource.read(path), points);
    }

    /** All users by name; every problem of the file at once, each with its line and field. */
    public static Map<String, ConsoleUser> parse(YamlSource src, PointRegistry points) {
        Problems problems = new Problems();
        Map<String, ConsoleUser> users = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (ConfigNode u : EntryList.entries(src, problems, "users", true, USER)) {
            String username = u.get("username").text(problems, true);
            String name = u.get("name").text(problems, false);
            Role role = role(u.get("role"), problems);
            String enterprise = u.get("enterprise").text(problems, false);
            String hash = u.get("password-hash").text(problems, true);
            Locale language = language(u.get("language"), problems);
            if (!EntryList.bcrypt(u.get("password-hash"), hash, problems)) {
                continue;
            }
            if (role == Role.ENTERPRISE_OPERATOR && enterprise == null) {
                problems.add(u.get("enterprise").error("is required for an enterprise operator"));
                continue;
            }
            if (role == Role.PARK_OFFICER && enterprise != null) {
                problems.add(u.get("enterprise").error("a park officer sees every enterprise; leave it out"));
                continue;
            }
            if (!EntryList.knownEnterprise(u.get("enterprise"), enterprise, points, problems)
                    || !EntryList.unique(u.get("username"), username, seen, "user name", problems)) {
                continue;
            }
            if (username != null && role != null && hash != null) {
                users.put(username, new ConsoleUser(username, name == null ? username : name, role, enterprise, hash,
                        language));
            }
        }
        problems.throwIfAny();
        return Map.copyOf(users);
    }

    /** {@code zh-CN} or {@code en}: the languages there are catalogues for. */
    private static Locale language(ConfigNode node, Problems problems) {
        String text = node.text(problems, false);
        if (text == null) {
            return null;
        }
        for (Locale l : Catalogue.LANGUAGES) {
            if (l.toLanguageTag().equalsIgnoreCase(text)) {
                return l;
            }
        }
        problems.add(node.error("unknown language '" + text + "' (expected one of "
                + Catalogue.LANGUAGES.stream().map(Locale::toLanguageTag).toList() + ")"));
        return null;
    }

    private static Role role(ConfigNode node, Problems problems) {
        String text = node.text(problems, true);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "park-officer" -> Role.PARK_OFFICER;
            case "enterprise-operator" -> Role.ENTERPRISE_OPERATOR;
            default -> {
                problems.add(node.error("must be park-officer or enterprise-operator, not '" + text + "'"));
                yield null;
            }
        };
    }
}
