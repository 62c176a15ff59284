package io.parkwatch.rules.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Recorded readings, for backtests and replays. Two formats, chosen by the file name:
 * <ul>
 *   <li>{@code .csv}: {@code point,ts,value[,quality]} with an optional header line; ts in epoch ms or ISO-8601</li>
 *   <li>{@code .jsonl}/{@code .json}: one {@code {"point":..,"ts":..,"v":..,"q":..}} per line</li>
 * </ul>
 * A line that cannot be read stops the load with its line number: a backtest on partly-read data would mislead.
 */
public final class RecordedReadings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedReadings() {
    }

    /** Reads the whole file; {@code progress} gets the bytes read so far (for a progress bar). */
    public static List<Reading> read(Path file, PointRegistry registry, LongConsumer progress) throws IOException {
        boolean csv = file.getFileName().toString().toLowerCase().endsWith(".csv");
        List<Reading> out = new ArrayList<>();
        long bytes = 0;
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                bytes += line.length() + 1;
                if (lineNo % 10_000 == 0) {
                    progress.accept(bytes);
                }
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("#") || (csv && lineNo == 1 && t.toLowerCase().startsWith("point"))) {
                    continue;
                }
                try {
                    out.add(csv ? csv(t, registry) : json(t, registry));
                } catch (RuntimeException e) {
                    throw new IOException(file.getFileName() + ":" + lineNo + ": " + e.getMessage(), e);
                }
            }
        }
        progress.accept(bytes);
        return out;
    }

    static Reading csv(String line, PointRegistry registry) {
        String[] f = line.split(",", -1);
        if (f.length < 3) {
            throw new IllegalArgumentException("expected point,ts,value[,quality], got '" + line + "'");
        }
        return reading(f[0].trim(), time(f[1].trim()), Double.parseDouble(f[2].trim()),
                f.length > 3 ? f[3].trim() : null, registry);
    }

    static Reading json(String line, PointRegistry registry) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON");
        }
        JsonNode ts = n.path("ts");
        return reading(n.path("point").asText(), ts.isNumber() ? ts.asLong() : time(ts.asText()),
                n.path("v").asDouble(Double.NaN), n.path("q").isMissingNode() ? null : n.path("q").asText(), registry);
    }

    private static Reading reading(String point, long ts, double v, String q, PointRegistry registry) {
        Point p = registry.point(point).orElseThrow(() -> new IllegalArgumentException("unknown point '" + point + "'"));
        return new Reading(point, p.enterpriseId(), ts, v, Quality.parse(q), ts);
    }

    static long time(String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(s);
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (RuntimeException e) {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        }
    }
}
