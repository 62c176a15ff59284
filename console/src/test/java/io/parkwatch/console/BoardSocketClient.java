package io.parkwatch.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client of the console's live board (JDK HttpClient), keeping every message it got. */
public final class BoardSocketClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final WebSocket ws;
    private volatile int closeCode = -1;
    /** While set, nothing more is read: the socket's buffers fill and the console sees a board not keeping up. */
    private volatile boolean paused;

    /** Connects with the session's token; fails (ExecutionException) when the console refuses the handshake. */
    public BoardSocketClient(HttpClient http, int port, String token) throws Exception {
        ws = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
            final StringBuilder buf = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                buf.append(data);
                if (last) {
                    try {
                        messages.add(JSON.readTree(buf.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    buf.setLength(0);
                }
                if (!paused) {
                    w.request(1);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
                closeCode = statusCode;
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
    }

    /** Stops reading (after the message part in hand): a board on a link too slow for the feed. */
    public void pause() {
        paused = true;
    }

    /** Reads again. */
    public void resume() {
        paused = false;
        ws.request(1);
    }

    /**
     * What a page following this feed shows: the last snapshot, then every alert pushed after it (by id, the
     * newest row of each).
     */
    public Map<String, JsonNode> view() {
        Map<String, JsonNode> view = new LinkedHashMap<>();
        Map<String, JsonNode> incoming = null; // a snapshot coming in parts
        Set<String> changed = new HashSet<>(); // ids changed since its first part
        for (JsonNode m : messages) {
            if (m.path("type").asText().equals("snapshot")) {
                if (incoming == null) {
                    incoming = new LinkedHashMap<>();
                    changed.clear();
                }
                for (JsonNode a : m.get("alerts")) {
                    if (!changed.contains(a.get("id").asText())) {
                        incoming.put(a.get("id").asText(), a);
                    }
                }
                if (m.path("last").asBoolean(true)) {
                    view = incoming;
                    incoming = null;
                }
            } else if (m.path("type").asText().equals("alert")) {
                String id = m.get("alert").get("id").asText();
                view.put(id, m.get("alert"));
                if (incoming != null) {
                    incoming.put(id, m.get("alert"));
                    changed.add(id);
                }
            }
        }
        return view;
    }

    /** The snapshot messages, each part one. */
    public List<JsonNode> snapshotParts() {
        return messages.stream().filter(m -> m.path("type").asText().equals("snapshot")).toList();
    }

    /** The close code the console sent, or -1 while open. */
    public int closeCode() {
        return closeCode;
    }

    /** Sends a text message (the console checks the session on each). */
    public void send(String text) throws Exception {
        ws.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    public List<JsonNode> messages() {
        return messages;
    }

    /** The alert views pushed one by one (not the snapshot). */
    public List<JsonNode> pushedAlerts() {
        return messages.stream().filter(m -> m.path("type").asText().equals("alert")).map(m -> m.get("alert")).toList();
    }

    @Override
    public void close() throws Exception {
        if (!ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        }
    }
}
