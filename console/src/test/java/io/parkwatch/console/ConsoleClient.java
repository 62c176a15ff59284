package io.parkwatch.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client of the console API, logged in as one person (bearer token, as an integrator would). */
public final class ConsoleClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final int port;
    private String token;

    public ConsoleClient(int port) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Logs in; returns the HTTP status (200 when it worked). */
    public int login(String username, String password) throws Exception {
        Response r = post("/api/login", JSON.createObjectNode().put("username", username).put("password", password)
                .toString());
        if (r.status() == 200) {
            token = r.json().get("token").asText();
        }
        return r.status();
    }

    public String token() {
        return token;
    }

    /** A status and a parsed JSON body. */
    public record Response(int status, JsonNode json, String body) {
    }

    public Response get(String path) throws Exception {
        return send(request(path).GET());
    }

    public Response post(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** GET that must succeed. */
    public JsonNode json(String path) throws Exception {
        Response r = get(path);
        if (r.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.status() + ": " + r.body());
        }
        return r.json();
    }

    public BoardSocketClient board() throws Exception {
        return new BoardSocketClient(http, port, token);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Response send(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        if (r.headers().firstValue("content-type").orElse("").startsWith("application/json")) {
            json = JSON.readTree(r.body());
        }
        return new Response(r.statusCode(), json, r.body());
    }
}
