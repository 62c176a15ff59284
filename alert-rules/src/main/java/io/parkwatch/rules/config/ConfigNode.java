package io.parkwatch.rules.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node of a {@link YamlSource} with its position, and typed accessors that record a precise
 * error (into the shared {@link Problems}) instead of throwing at the first mistake.
 */
public final class ConfigNode {

    private final YamlSource source;
    private final JsonNode node;
    private final String pointer;

    ConfigNode(YamlSource source, JsonNode node, String pointer) {
        this.source = source;
        this.node = node;
        this.pointer = pointer;
    }

    /** A stable fingerprint of this node's content (same text, same number, on every JVM). */
    public int fingerprint() {
        return node == null ? 0 : node.toString().hashCode();
    }

    /** The fingerprint of this mapping without some of its fields (those that do not change what it means). */
    public int fingerprintWithout(Set<String> fields) {
        if (node == null || !node.isObject()) {
            return fingerprint();
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) node)
                .deepCopy();
        copy.remove(fields);
        return copy.toString().hashCode();
    }

    public boolean isMissing() {
        return node == null || node.isMissingNode() || node.isNull();
    }

    public boolean isObject() {
        return node != null && node.isObject();
    }

    public boolean isArray() {
        return node != null && node.isArray();
    }

    public boolean has(String field) {
        return node != null && node.has(field) && !node.get(field).isNull();
    }

    public ConfigNode get(String field) {
        return new ConfigNode(source, node == null ? null : node.get(field), pointer + "/" + escape(field));
    }

    public ConfigError error(String message) {
        return source.errorAt(pointer, message);
    }

    public String path() {
        return YamlSource.fieldPath(pointer);
    }

    /** The elements of a list; reports an error and returns none if this is not a list. */
    public List<ConfigNode> elements(Problems problems) {
        List<ConfigNode> out = new ArrayList<>();
        if (isMissing()) {
            return out;
        }
        if (!node.isArray()) {
            problems.add(error("must be a list"));
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            out.add(new ConfigNode(source, node.get(i), pointer + "/" + i));
        }
        return out;
    }

    /** The entries of a mapping in file order; reports an error and returns none if this is not a mapping. */
    public Map<String, ConfigNode> entries(Problems problems) {
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        if (isMissing()) {
            return out;
        }
        if (!node.isObject()) {
            problems.add(error("must be a mapping of names to values"));
            return out;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            out.put(n, get(n));
        }
        return out;
    }

    /** Reports every field not in {@code allowed}, so typos are refused rather than silently ignored. */
    public void allowOnly(Problems problems, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            if (!isMissing()) {
                problems.add(error("must be a mapping with fields " + allowed));
            }
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                problems.add(get(n).error("unknown field (allowed here: " + String.join(", ", sorted(allowed)) + ")"));
            }
        }
    }

    public String text(Problems problems, boolean required) {
        if (isMissing()) {
            if (required) {
                problems.add(error("is required"));
            }
            return null;
        }
        if (!node.isValueNode()) {
            problems.add(error("must be a text value"));
            return null;
        }
        String s = node.asText().trim();
        if (required && s.isEmpty()) {
            problems.add(error("must not be empty"));
            return null;
        }
        return s;
    }

    public Double number(Problems problems, boolean required) {
        if (isMissing()) {
            if (required) {
                problems.add(error("is required"));
            }
            return null;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        problems.add(error("must be a number, got '" + node.asText() + "'"));
        return null;
    }

    public Duration duration(Problems problems, Duration fallback) {
        if (isMissing()) {
            return fallback;
        }
        try {
            return Durations.parse(node.asText());
        } catch (IllegalArgumentException e) {
            problems.add(error(e.getMessage()));
            return fallback;
        }
    }

    public List<String> texts(Problems problems) {
        List<String> out = new ArrayList<>();
        if (isMissing()) {
            return out;
        }
        if (node.isValueNode()) {
            out.add(node.asText());
            return out;
        }
        for (ConfigNode e : elements(problems)) {
            String s = e.text(problems, true);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<String> sorted(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        l.sort(null);
        return l;
    }

    private static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }
}
