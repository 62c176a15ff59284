package io.parkwatch.rules.text;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sentences ParkWatch writes for people, per language: {@code messages_zh_CN.properties} (the default: the
 * people who read them work in Chinese parks) and {@code messages_en.properties}, one key set (a test checks
 * every key is in every language). Patterns are {@link MessageFormat} patterns over already-formatted arguments.
 */
public final class Catalogue {

    /** The languages there are catalogues for, the default first. */
    public static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    public static final Locale DEFAULT = LANGUAGES.get(0);
    /** Where times in sentences are shown unless told otherwise: China's time, as the parks keep it. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final String BUNDLE = "io.parkwatch.rules.text.messages";
    private record Key(Locale locale, ZoneId zone) {
    }

    private static final Map<Key, Catalogue> LOADED = new ConcurrentHashMap<>();

    private final Locale locale;
    private final ZoneId zone;
    private final ResourceBundle bundle;

    private Catalogue(Key key) {
        this.locale = key.locale();
        this.zone = key.zone();
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The catalogue of a language; a language without one gets the default (Chinese). Times in China's zone. */
    public static Catalogue of(Locale locale) {
        return of(locale, DEFAULT_ZONE);
    }

    /** The catalogue of a language, showing the times of sentences ({@link Message#time}) in {@code zone}. */
    public static Catalogue of(Locale locale, ZoneId zone) {
        return LOADED.computeIfAbsent(new Key(supported(locale), zone == null ? DEFAULT_ZONE : zone), Catalogue::new);
    }

    /** The same language, with times in {@code zone} (the park's). */
    public Catalogue inZone(ZoneId zone) {
        return of(locale, zone);
    }

    public static Catalogue english() {
        return of(Locale.ENGLISH);
    }

    public static Catalogue chinese() {
        return of(Locale.SIMPLIFIED_CHINESE);
    }

    /** The supported language closest to {@code wanted} ({@code zh}, {@code zh-TW} read Chinese; {@code en-GB} English). */
    public static Locale supported(Locale wanted) {
        if (wanted == null) {
            return DEFAULT;
        }
        for (Locale l : LANGUAGES) {
            if (l.getLanguage().equals(wanted.getLanguage())) {
                return l;
            }
        }
        return DEFAULT;
    }

    public Locale locale() {
        return locale;
    }

    /** The keys of this catalogue. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(bundle.keySet());
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The sentence of a message in this language; a key the catalogue lacks is shown as itself, never hidden. */
    public String render(Message m) {
        return text(m.key(), (Object[]) m.args());
    }

    /** The sentence of {@code key} with {@code args}; arguments that are {@link Message#term terms} are translated. */
    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return args.length == 0 ? key : key + " " + java.util.Arrays.toString(args);
        }
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof String s ? word(s) : args[i];
        }
        return new MessageFormat(pattern, Locale.ROOT).format(shown);
    }

    /** One argument as a reader sees it: a {@link Message#term term} translated, anything else as it is. */
    public String word(String arg) {
        if (arg == null) {
            return null;
        }
        if (arg.indexOf(Message.LIST) >= 0) {
            return joined(arg, Message.LIST, "term.list-separator");
        }
        if (arg.indexOf(Message.AND) >= 0) {
            return joined(arg, Message.AND, "term.and");
        }
        return arg.startsWith(Message.TERM) ? term(arg) : arg;
    }

    private String joined(String arg, char separator, String joinKey) {
        StringBuilder b = new StringBuilder();
        String[] items = arg.split(String.valueOf(separator), -1);
        for (int i = 0; i < items.length; i++) {
            b.append(i == 0 ? "" : text(joinKey)).append(word(items[i]));
        }
        return b.toString();
    }

    private String term(String arg) {
        String[] parts = arg.split("\\|", -1);
        if (parts[0].equals(Message.TERM + "time") && parts.length == 2) {
            try {
                parts[1] = TIME.format(Instant.ofEpochMilli(Long.parseLong(parts[1])).atZone(zone));
            } catch (NumberFormatException e) {
                // not a time after all: shown as it is
            }
        }
        if (!bundle.containsKey(parts[0])) {
            return arg;
        }
        Object[] params = new Object[parts.length - 1];
        System.arraycopy(parts, 1, params, 0, params.length);
        return text(parts[0], params);
    }
}
