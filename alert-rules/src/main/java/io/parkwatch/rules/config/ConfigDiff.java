package io.parkwatch.rules.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.parkwatch.rules.text.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two versions of a configuration document, in words: which entry of which list was added or
 * removed, and which field of an entry moved from what to what ({@code rules[combustible-gas].high.alarm: 25 -> 20}).
 * Entries of a list are matched by what names them (id, point, permit, enterprise, subject and time), not by position,
 * so a reordered file shows no change.
 */
public final class ConfigDiff {

    private static final List<String> NAMES = List.of("id", "point", "permit", "enterprise", "name");
    private static final YAMLMapper YAML = new YAMLMapper();

    private ConfigDiff() {
    }

    /** The changes from {@code before} to {@code after}, each a sentence for the catalogue. */
    public static List<Message> between(String before, String after) {
        List<Message> out = new ArrayList<>();
        compare("", read(before), read(after), out);
        return out;
    }

    private static JsonNode read(String yaml) {
        try {
            JsonNode n = yaml == null || yaml.isBlank() ? null : YAML.readTree(yaml);
            return n == null ? MissingNode.getInstance() : n;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not YAML: " + e.getMessage(), e);
        }
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<Message> out) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> fields = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(fields::add);
            b.fieldNames().forEachRemaining(fields::add);
            for (String f : fields) {
                compare(path.isEmpty() ? f : path + "." + f, a.path(f), b.path(f), out);
            }
            return;
        }
        if (a.isArray() && b.isArray() && named(a) && named(b)) {
            Map<String, JsonNode> before = byName(a);
            Map<String, JsonNode> after = byName(b);
            for (Map.Entry<String, JsonNode> e : after.entrySet()) {
                JsonNode old = before.get(e.getKey());
                if (old == null) {
                    out.add(Message.of("diff.added", path, e.getKey(), e.getValue().toString()));
                } else {
                    compare(path + "[" + e.getKey() + "]", old, e.getValue(), out);
                }
            }
            before.keySet().stream().filter(k -> !after.containsKey(k))
                    .forEach(k -> out.add(Message.of("diff.removed", path, k)));
            return;
        }
        if (a.isMissingNode()) {
            out.add(Message.of("diff.set", path, text(b)));
        } else if (b.isMissingNode()) {
            out.add(Message.of("diff.unset", path, text(a)));
        } else {
            out.add(Message.of("diff.changed", path, text(a), text(b)));
        }
    }

    /** A list whose entries are all mappings with a name. */
    private static boolean named(JsonNode list) {
        for (JsonNode e : list) {
            if (!e.isObject() || name(e) == null) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byName(JsonNode list) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode e : list) {
            out.put(name(e), e);
        }
        return out;
    }

    private static String name(JsonNode e) {
        if (e.has("subject") && e.has("at")) {
            return e.get("subject").asText() + " @ " + e.get("at").asText(); // a mode change
        }
        for (String n : NAMES) {
            if (e.hasNonNull(n) && e.get(n).isValueNode()) {
                return e.get(n).asText();
            }
        }
        return null;
    }

    private static String text(JsonNode n) {
        if (n.isValueNode()) {
            return n.asText();
        }
        return n.toString().length() > 200 ? n.toString().substring(0, 200) + "…" : n.toString();
    }
}
