package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookCacheTest {

    final List<String> parsedTexts = new ArrayList<>();
    final BookCache<List<String>> cache = new BookCache<>(json -> {
        parsedTexts.add(json);
        return new ArrayList<>(List.of(json.split(",")));
    }, book -> String.join(",", book));

    @Test
    void theTextItWroteIsNotParsedAgainAnyOtherIs() {
        List<String> book = new ArrayList<>(List.of("a1", "a2"));
        String stored = cache.write("ent-a", book);
        assertThat(cache.read("ent-a", stored)).isSameAs(book);
        assertThat(parsedTexts).isEmpty();
        // an equal text from elsewhere (a restore, RocksDB's copy) is read as stored, not trusted to be ours
        String copy = new String(stored.toCharArray());
        assertThat(cache.read("ent-a", copy)).isEqualTo(book).isNotSameAs(book);
        assertThat(parsedTexts).containsExactly(copy);
        // another key's text, and a key forgotten, are parsed
        cache.forget("ent-a");
        assertThat(cache.read("ent-a", stored)).isEqualTo(book).isNotSameAs(book);
        assertThat(cache.read("ent-b", stored)).isNotSameAs(book);
        assertThat(parsedTexts).hasSize(3);
    }
}
