package io.parkwatch.rules.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed YAML document that can say where every field and value stood in the text.
 * Jackson's tree model drops locations, so on the first error the text is streamed again to record them by JSON
 * pointer; validation errors then point at line and column. Only then: the locations of a province's registry
 * (150,000 points) were some 300 MB while it was read, for a file that is almost always valid.
 */
public final class YamlSource {

    /** A province's point registry runs to hundreds of thousands of points: well past SnakeYAML's 3 MB default. */
    static final int MAX_CODE_POINTS = 512 * 1024 * 1024;
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(loaderOptions()).build();

    private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
        org.yaml.snakeyaml.LoaderOptions o = new org.yaml.snakeyaml.LoaderOptions();
        o.setCodePointLimit(MAX_CODE_POINTS);
        return o;
    }
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    private final String file;
    private final String text;
    private final JsonNode root;
    /** JSON pointer -> where it stood; found on the first error. */
    private Map<String, JsonLocation> locations;

    private YamlSource(String file, String text, JsonNode root) {
        this.file = file;
        this.text = text;
        this.root = root;
    }

    public static YamlSource read(Path path) {
        try {
            return parse(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public static YamlSource parse(String file, String text) {
        try (JsonParser p = YAML.createParser(text)) {
            JsonNode root = MAPPER.readTree(p);
            while (p.nextToken() != null) { // the rest must be YAML too (a later document is not read, but refused if broken)
            }
            return new YamlSource(file, text, root == null ? MissingNode.getInstance() : root);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            throw new ConfigException(new ConfigError(file, loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), "", "not valid YAML: " + firstLine(msg)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String file() {
        return file;
    }

    public ConfigNode root() {
        return new ConfigNode(this, root, "");
    }

    /** Where each field and value stands in the text, by JSON pointer (the text parsed once before, so valid YAML). */
    private synchronized Map<String, JsonLocation> locations() {
        if (locations != null) {
            return locations;
        }
        Map<String, JsonLocation> found = new HashMap<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t.isScalarValue() || t == JsonToken.START_OBJECT
                        || t == JsonToken.START_ARRAY) {
                    // FIELD_NAME: the context already names the field; a value in an array gets its index.
                    found.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return locations = found;
    }

    /** An error at the given JSON pointer, located at the nearest enclosing element that has a location. */
    ConfigError errorAt(String pointer, String message) {
        Map<String, JsonLocation> locations = locations();
        String p = pointer;
        JsonLocation loc = null;
        while (loc == null) {
            loc = locations.get(p);
            if (loc != null || p.isEmpty()) {
                break;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return new ConfigError(file, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                fieldPath(pointer), message);
    }

    /** {@code /rules/2/high/alarm} becomes {@code rules[2].high.alarm}. */
    static String fieldPath(String pointer) {
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(part).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
