package io.parkwatch.job;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The book (incidents, risk) a keyed function last wrote to its state as text, per key, kept parsed: while the
 * state still holds that very text (the heap backend hands back the string it was given), reading the book is
 * taking it from here, not parsing it again. A book of thousands of alarms in a flood took longer to parse on every
 * alert event than the alert took to raise. Any other text (after a restore, on RocksDB, which copies) is parsed.
 *
 * @param <B> the book's class
 */
final class BookCache<B> {

    private record Written<B>(String json, B book) {
    }

    private final Map<Object, Written<B>> byKey = new HashMap<>();
    private final Function<String, B> parse;
    private final Function<B, String> render;

    BookCache(Function<String, B> parse, Function<B, String> render) {
        this.parse = parse;
        this.render = render;
    }

    /** The book whose text the state holds for the key. */
    B read(Object key, String json) {
        Written<B> w = byKey.get(key);
        if (w != null && w.json() == json) { // the same string, not an equal one: equality would cost a parse's time
            return w.book();
        }
        return parse.apply(json);
    }

    /** The book's text to store for the key, remembered with the book. */
    String write(Object key, B book) {
        String json = render.apply(book);
        byKey.put(key, new Written<>(json, book));
        return json;
    }

    void forget(Object key) {
        byKey.remove(key);
    }
}
