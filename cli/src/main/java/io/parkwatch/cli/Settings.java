package io.parkwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.parkwatch.rules.config.ConfigError;
import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.Durations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * The one configuration file (parkwatch.yaml) with environment overrides: every scalar at path
 * {@code a.b-c} can be replaced by the variable {@code PARKWATCH_A_B_C}.
 */
public final class Settings {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String file;
    private final JsonNode root;

    private Settings(String file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    public static Settings load(Path file, Map<String, String> env) {
        try {
            JsonNode root = YAML.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw new ConfigException(new ConfigError(file.toString(), 0, 0, "", "must be a YAML mapping"));
            }
            override((ObjectNode) root, "PARKWATCH", env);
            return new Settings(file.toString(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Replaces each scalar whose environment variable is set. */
    private static void override(ObjectNode node, String prefix, Map<String, String> env) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix + "_" + e.getKey().toUpperCase().replace('-', '_').replace('.', '_');
            if (e.getValue().isObject()) {
                override((ObjectNode) e.getValue(), name, env);
            } else if (e.getValue().isValueNode() && env.containsKey(name)) {
                node.put(e.getKey(), env.get(name));
            }
        }
    }

    public static String envName(String path) {
        return "PARKWATCH_" + path.toUpperCase().replace('-', '_').replace('.', '_');
    }

    private JsonNode at(String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        if (n.isMissingNode()) {
            throw new ConfigException(new ConfigError(file, 0, 0, path, "is required (or set " + envName(path) + ")"));
        }
        return n;
    }

    public String text(String path) {
        return at(path).asText().trim();
    }

    /** An optional scalar: {@code fallback} when the file (written for an earlier version) does not have it. */
    public String text(String path, String fallback) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        return n.isMissingNode() || n.isNull() ? fallback : n.asText().trim();
    }

    /** A refusal of the value at {@code path}, in the form of every configuration error. */
    public ConfigException refusal(String path, String message) {
        return new ConfigException(new ConfigError(file, 0, 0, path, message));
    }

    /** One of the {@code allowed} words, or {@code fallback} when a file written for an earlier version lacks it. */
    public String oneOf(String path, String fallback, String... allowed) {
        String s = text(path, fallback);
        if (!java.util.Arrays.asList(allowed).contains(s)) {
            throw new ConfigException(new ConfigError(file, 0, 0, path, "must be one of "
                    + String.join(", ", allowed) + ", got '" + s + "'"));
        }
        return s;
    }

    public int integer(String path) {
        JsonNode n = at(path);
        try {
            return n.isInt() ? n.asInt() : Integer.parseInt(n.asText().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(new ConfigError(file, 0, 0, path, "must be a whole number, got '" + n.asText() + "'"));
        }
    }

    public double number(String path) {
        JsonNode n = at(path);
        try {
            return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asText().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(new ConfigError(file, 0, 0, path, "must be a number, got '" + n.asText() + "'"));
        }
    }

    public boolean bool(String path) {
        String s = at(path).asText().trim().toLowerCase();
        if (!s.equals("true") && !s.equals("false")) {
            throw new ConfigException(new ConfigError(file, 0, 0, path, "must be true or false, got '" + s + "'"));
        }
        return s.equals("true");
    }

    public Duration duration(String path) {
        try {
            return Durations.parse(at(path).asText());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(new ConfigError(file, 0, 0, path, e.getMessage()));
        }
    }

    public JsonNode node(String path) {
        return at(path);
    }

    /** Returns a copy with one value replaced by a structure (a list of webhooks, say). */
    public Settings withValue(String path, Object value) {
        ObjectNode copy = root.deepCopy();
        parentOf(copy, path).set(leaf(path), YAML.valueToTree(value));
        return new Settings(file, copy);
    }

    /** Returns a copy with one value replaced (used by tests and command-line options). */
    public Settings with(String path, Object value) {
        ObjectNode copy = root.deepCopy();
        parentOf(copy, path).put(leaf(path), String.valueOf(value));
        return new Settings(file, copy);
    }

    private static ObjectNode parentOf(ObjectNode root, String path) {
        String[] parts = path.split("\\.");
        ObjectNode n = root;
        for (int i = 0; i < parts.length - 1; i++) {
            n = (ObjectNode) n.get(parts[i]);
        }
        return n;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
