package io.parkwatch.recorder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.questdb.ServerMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real QuestDB server in this JVM. It accepts the InfluxDB v2 write API ({@code /api/v2/write}), so
 * the job writes to it exactly as it would to InfluxDB, and it answers SQL over {@code /exec}.
 */
public final class EmbeddedQuestDb implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path root;
    private final int port;
    private ServerMain server;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Picks a port; the server runs only after {@link #start()}, so a client can be pointed at it while it is down. */
    public EmbeddedQuestDb(Path root) {
        this.root = root;
        this.port = io.parkwatch.embeddedkafka.EmbeddedKafka.freePort();
    }

    public EmbeddedQuestDb start() {
        try {
            java.nio.file.Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("QDB_HTTP_BIND_TO", "127.0.0.1:" + port);
        env.put("QDB_HTTP_MIN_ENABLED", "false");
        env.put("QDB_PG_ENABLED", "false");
        env.put("QDB_LINE_TCP_ENABLED", "false");
        env.put("QDB_LINE_UDP_ENABLED", "false");
        env.put("QDB_TELEMETRY_ENABLED", "false");
        env.put("QDB_SHARED_WORKER_COUNT", "2");
        server = ServerMain.create(root.toAbsolutePath().toString(), env);
        server.start();
        return this;
    }

    /** Base URL for an InfluxDB v2 client. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Runs a SQL query; rows as column-name to value maps. A missing table gives no rows. */
    public List<Map<String, Object>> query(String sql) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/exec?query="
                    + URLEncoder.encode(sql, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(r.body());
            if (r.statusCode() != 200) {
                if (body.path("error").asText().contains("does not exist")) {
                    return List.of();
                }
                throw new IllegalStateException("QuestDB query failed: " + r.body());
            }
            List<String> cols = new ArrayList<>();
            body.get("columns").forEach(c -> cols.add(c.get("name").asText()));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (JsonNode row : body.get("dataset")) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < cols.size(); i++) {
                    JsonNode v = row.get(i);
                    m.put(cols.get(i), v.isNumber() ? v.numberValue() : v.isNull() ? null : v.asText());
                }
                rows.add(m);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
