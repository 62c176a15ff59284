package io.parkwatch.console.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Readings from InfluxDB, as the rules job writes them (measurement {@code reading}, tag {@code point}, field
 * {@code value}), read with InfluxQL over {@code /query}: the endpoint InfluxDB 1.x, 2.x (through a DBRP mapping
 * of the bucket) and 3.x all answer. Long periods are downsampled by the server ({@code mean} per time bucket),
 * so a month of 1-second readings comes back as a chart's worth of points.
 */
public final class InfluxHistory implements HistorySource {

    /** The largest answer read; a month of means at the page's resolution is a small fraction of it. */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI query;
    private final String database;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /**
     * @param url      the server, e.g. http://localhost:8086
     * @param database the database (1.x) or the bucket mapped to it (2.x, 3.x)
     * @param token    API token (2.x, 3.x), or empty
     */
    public InfluxHistory(String url, String database, String token) {
        this.query = URI.create(url.replaceAll("/+$", "") + "/query");
        this.database = database;
        this.token = token == null ? "" : token;
    }

    @Override
    public List<Sample> between(String pointId, long from, long to, int maxSamples) throws Exception {
        // whole seconds per bucket, the buckets starting at `from` (InfluxQL aligns them to the epoch unless offset)
        long span = to - from + 1;
        long perBucket = (span + Math.max(1, maxSamples) - 1) / Math.max(1, maxSamples);
        long bucketMs = Math.max(1000, (perBucket + 999) / 1000 * 1000);
        long offsetMs = Math.floorMod(from, bucketMs);
        String q = "SELECT mean(\"value\") FROM \"reading\" WHERE \"point\" = '" + quoted(pointId) + "' AND time >= "
                + from + "ms AND time <= " + to + "ms GROUP BY time(" + bucketMs + "ms, " + offsetMs + "ms) fill(none)";
        URI uri = URI.create(query + "?db=" + enc(database) + "&epoch=ms&q=" + enc(q));
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).GET();
        if (!token.isEmpty()) {
            req.header("Authorization", "Token " + token);
        }
        HttpResponse<byte[]> r = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("InfluxDB answered HTTP " + r.statusCode() + ": "
                    + new String(r.body(), 0, Math.min(200, r.body().length), StandardCharsets.UTF_8));
        }
        if (r.body().length > MAX_ANSWER_BYTES) {
            throw new IllegalStateException("InfluxDB's answer is larger than " + MAX_ANSWER_BYTES + " bytes");
        }
        JsonNode result = JSON.readTree(r.body()).path("results").path(0);
        if (result.has("error")) {
            throw new IllegalStateException("InfluxDB: " + result.get("error").asText());
        }
        List<Sample> out = new ArrayList<>();
        for (JsonNode series : result.path("series")) {
            for (JsonNode row : series.path("values")) {
                if (row.size() >= 2 && row.get(1).isNumber()) {
                    out.add(new Sample(row.get(0).asLong(), row.get(1).asDouble()));
                }
            }
        }
        return out;
    }

    /** An InfluxQL string literal's content: backslashes and single quotes escaped. */
    static String quoted(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String describe() {
        return "InfluxDB at " + query.resolve("/");
    }
}
