package io.parkwatch.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.wire.WireJson;
import io.parkwatch.simulator.load.LoadPark;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The far end of the notifier's generic JSON webhook, for the load run: a local HTTP receiver that answers every
 * POST and times each RAISED (or REPEATED) event of a load point from its reading's timestamp to its arrival here, which is the
 * time from a device's reading to the system a person is called by. Bodies larger than a notification are refused.
 */
final class WebhookLatency implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookLatency.class);
    private static final int MAX_BODY = 256 * 1024;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final long measureFrom;
    private final List<Long> all = new ArrayList<>();
    private final List<Long> window = new ArrayList<>();
    private long refused;

    private WebhookLatency(HttpServer server, long measureFrom) {
        this.server = server;
        this.measureFrom = measureFrom;
    }

    /** Listens on 127.0.0.1:{@code port} (path {@code /hook}); readings stamped before {@code measureFrom} are not counted in {@link #all()}. */
    static WebhookLatency start(int port, long measureFrom) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        WebhookLatency w = new WebhookLatency(s, measureFrom);
        s.createContext("/hook", w::handle);
        s.setExecutor(w.threads);
        s.start();
        return w;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        long now = System.currentTimeMillis();
        try (x; InputStream in = x.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (!"POST".equals(x.getRequestMethod()) || body.length > MAX_BODY) {
                synchronized (this) {
                    refused++;
                }
                x.sendResponseHeaders(body.length > MAX_BODY ? 413 : 405, -1);
                return;
            }
            record(now, body);
            x.sendResponseHeaders(204, -1); // after the recording: a delivery the notifier saw done is counted
        }
    }

    private void record(long now, byte[] body) {
        AlertEvent e;
        try { // the generic JSON form: {"idempotencyKey": ..., "event": {...}}
            e = WireJson.MAPPER.treeToValue(WireJson.MAPPER.readTree(body).path("event"), AlertEvent.class);
        } catch (IOException | RuntimeException notAnEvent) {
            LOG.debug("webhook body is not an alert event: {}", notAnEvent.toString());
            return;
        }
        // raised, or raised again within the hold-off (the load's crossings come back to a point every few seconds):
        // the same announcement, the same path, as the Kafka-side latency counts them
        if (e != null && (e.type() == AlertEventType.RAISED || e.type() == AlertEventType.REPEATED) && e.pointId() != null
                && e.pointId().startsWith(LoadPark.PREFIX)) {
            synchronized (this) {
                window.add(now - e.eventTime());
                if (e.eventTime() >= measureFrom) {
                    all.add(now - e.eventTime());
                }
            }
        }
    }

    /** The latencies since the last call, and forgets them. */
    synchronized List<Long> takeWindow() {
        List<Long> w = new ArrayList<>(window);
        window.clear();
        return w;
    }

    /** Every latency after the warm-up. */
    synchronized List<Long> all() {
        return new ArrayList<>(all);
    }

    synchronized long refused() {
        return refused;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
