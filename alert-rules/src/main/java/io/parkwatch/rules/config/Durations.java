package io.parkwatch.rules.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in config files: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 4h},
 * {@code 1d}, combined ({@code 4h20m}, {@code 1m30s}), or ISO-8601.
 */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h|d)");
    private static final Pattern COMBINED = Pattern.compile("(?:\\d+(?:\\.\\d+)?\\s*(?:ms|s|min|m|h|d)\\s*){2,}");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|min|m|h|d)");

    private Durations() {
    }

    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m = SIMPLE.matcher(t);
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            long unitMs = switch (m.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m", "min" -> 60_000L;
                case "h" -> 3_600_000L;
                default -> 86_400_000L;
            };
            return Duration.ofMillis(Math.round(n * unitMs));
        }
        if (COMBINED.matcher(t).matches()) {
            Duration sum = Duration.ZERO;
            Matcher part = PART.matcher(t);
            while (part.find()) {
                sum = sum.plus(parse(part.group()));
            }
            return sum;
        }
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        try {
            return Duration.parse(t);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (write e.g. 500ms, 5s, 2m, 4h)");
        }
    }
}
