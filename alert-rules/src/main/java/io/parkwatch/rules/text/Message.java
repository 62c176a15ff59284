package io.parkwatch.rules.text;

import java.util.Arrays;

/**
 * A sentence for people, kept as a catalogue key and its arguments so that each reader sees it in their own
 * language ({@link Catalogue#render}). Arguments are already-formatted values (numbers, units, names); an
 * argument that is itself a word to translate is a {@link #term term}.
 *
 * @param key  the catalogue key
 * @param args the arguments, {@code {0}}, {@code {1}}... in the catalogue's pattern
 */
public record Message(String key, String[] args) {

    /** Marks an argument that the catalogue translates: {@code term.<key>} or {@code term.<key>|<param>|...}. */
    static final String TERM = "term.";

    /** Separates the items of an enumeration ({@link #list}: "a, b, c" / "a、b、c"). */
    static final char LIST = '\u001E';
    /** Separates the conditions of a conjunction ({@link #all}: "a and b" / "a，且 b"). */
    static final char AND = '\u001F';

    public Message {
        args = args == null ? new String[0] : args.clone();
    }

    public static Message of(String key, Object... args) {
        String[] text = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = String.valueOf(args[i]);
        }
        return new Message(key, text);
    }

    /** An argument the catalogue translates (a level, a direction, "zone {0}"), with its own parameters. */
    public static String term(String key, Object... params) {
        StringBuilder b = new StringBuilder(TERM).append(key);
        for (Object p : params) {
            b.append('|').append(p);
        }
        return b.toString();
    }

    /** A moment, shown as yyyy-MM-dd HH:mm:ss in the reader's catalogue's zone (the park's). */
    public static String time(long epochMs) {
        return term("time", epochMs);
    }

    /** An argument that enumerates items (terms or plain), joined by the catalogue's list separator. */
    public static String list(java.util.List<String> items) {
        return String.join(String.valueOf(LIST), items);
    }

    /** An argument of conditions that all hold, joined by the catalogue's "and". */
    public static String all(java.util.List<String> items) {
        return String.join(String.valueOf(AND), items);
    }

    /** The same message with {@code first} put before the other arguments (the alert's subject as {@code {0}}). */
    public Message withFirst(String first) {
        String[] next = new String[args.length + 1];
        next[0] = first;
        System.arraycopy(args, 0, next, 1, args.length);
        return new Message(key, next);
    }

    @Override
    public String[] args() {
        return args.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && key.equals(m.key) && Arrays.equals(args, m.args);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(args);
    }
}
