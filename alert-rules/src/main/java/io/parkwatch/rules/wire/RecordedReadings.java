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
 *   <li>{@code .lp}/{@code .line}: InfluxDB line protocol as ParkWatch writes it,
 *       {@code reading,point=HX-T101-GT1,quality=N value=12.5 1767225600000000000}
 *       (tag {@code point}, optional tag {@code quality}, field {@code value}; the timestamp's precision,
 *       s / ms / us / ns, is told from its size)</li>
 * </ul>
 * A line that cannot be read stops the load with its line number: a backtest on partly-read data would mislead.
 */
public final class RecordedReadings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedReadings() {
    }

    /** Reads the whole file; {@code progress} gets the bytes read so far (for a progress bar). */
    public static List<Reading> read(Path file, PointRegistry registry, LongConsumer progress) throws IOException {
        String name = file.getFileName().toString().toLowerCase();
        boolean csv = name.endsWith(".csv");
        boolean lineProtocol = name.endsWith(".lp") || name.endsWith(".line");
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
                    out.add(csv ? csv(t, registry) : lineProtocol ? lineProtocol(t, registry) : json(t, registry));
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

    static Reading lineProtocol(String line, PointRegistry registry) {
        String[] parts = line.split(" ");
        if (parts.length < 2) {
            throw new IllegalArgumentException("expected 'measurement,point=..[,quality=..] value=.. [timestamp]'");
        }
        String point = null;
        String quality = null;
        String[] head = parts[0].split(",");
        for (int i = 1; i < head.length; i++) {
            String[] kv = head[i].split("=", 2);
            if (kv.length == 2 && kv[0].equals("point")) {
                point = kv[1];
            } else if (kv.length == 2 && kv[0].equals("quality")) {
                quality = kv[1];
            }
        }
        Double value = null;
        for (String field : parts[1].split(",")) {
            String[] kv = field.split("=", 2);
            if (kv.length == 2 && (kv[0].equals("value") || kv[0].equals("v"))) {
                value = Double.parseDouble(kv[1].endsWith("i") ? kv[1].substring(0, kv[1].length() - 1) : kv[1]);
            }
        }
        if (point == null || value == null) {
            throw new IllegalArgumentException("needs a point tag and a value field");
        }
        if (parts.length < 3) {
            throw new IllegalArgumentException("needs a timestamp");
        }
        long t = Long.parseLong(parts[2]);
        long ms = t > 100_000_000_000_000_000L ? t / 1_000_000 : t > 100_000_000_000_000L ? t / 1000
                : t > 100_000_000_000L ? t : t * 1000;
        return reading(point, ms, value, quality, registry);
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
