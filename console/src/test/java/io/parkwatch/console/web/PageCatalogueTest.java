package io.parkwatch.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertState;
import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The page's catalogues: one key set in every language, and every key the page uses is in them. */
class PageCatalogueTest {

    static final Path WEB = Path.of("src/main/resources/web");
    static final Pattern CALL = Pattern.compile("\\bt\\('([a-z0-9.-]+)'");
    static final Pattern TERNARY = Pattern.compile("\\bt\\([^()]*\\?\\s*'([a-z0-9.-]+)'\\s*:\\s*'([a-z0-9.-]+)'");
    static final Pattern ATTRIBUTE = Pattern.compile("data-i18n(?:-placeholder|-title)?=\"([a-z0-9.-]+)\"");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    static Set<String> keys(String file) throws IOException {
        Set<String> out = new TreeSet<>();
        new ObjectMapper().readTree(WEB.resolve(file).toFile()).fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void everyLanguageHasEveryKeyWithTheSamePlaceholders() throws IOException {
        JsonNode zh = new ObjectMapper().readTree(WEB.resolve("lang-zh-cn.json").toFile());
        JsonNode en = new ObjectMapper().readTree(WEB.resolve("lang-en.json").toFile());
        assertThat(keys("lang-zh-cn.json")).isNotEmpty().isEqualTo(keys("lang-en.json"));
        for (String key : keys("lang-zh-cn.json")) {
            assertThat(placeholders(zh.get(key).asText())).as(key).isEqualTo(placeholders(en.get(key).asText()));
            assertThat(zh.get(key).asText()).as(key).isNotBlank();
        }
    }

    @Test
    void everyKeyThePageUsesIsInTheCatalogue() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(WEB)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).toList()) {
                String text = Files.readString(f);
                for (Pattern p : new Pattern[] {CALL, ATTRIBUTE}) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        if (!m.group(1).endsWith(".")) {
                            used.add(m.group(1));
                        }
                    }
                }
                Matcher m = TERNARY.matcher(text);
                while (m.find()) {
                    used.add(m.group(1));
                    used.add(m.group(2));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        // keys made from the server's codes
        for (Level l : Level.values()) {
            used.add("level." + l);
            used.add("status." + l);
        }
        Stream.of(AlertState.values()).forEach(s -> used.add("state." + s));
        Stream.of(AlertEventType.values()).forEach(e -> used.add("event." + e));
        Stream.of(Direction.values()).forEach(d -> used.add("direction." + d));
        Stream.of(PointKind.values()).forEach(k -> used.add("kind." + k.fileName()));
        used.add("status.NORMAL");
        assertThat(keys("lang-zh-cn.json")).containsAll(used);
    }

    static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
