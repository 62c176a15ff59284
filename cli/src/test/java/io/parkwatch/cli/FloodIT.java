package io.parkwatch.cli;

import static io.parkwatch.cli.ConsoleBrowserIT.chromium;
import static io.parkwatch.cli.ConsoleBrowserIT.js;
import static io.parkwatch.cli.ConsoleBrowserIT.logIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkwatch.console.ConsoleClient;
import io.parkwatch.console.http.LiveFeedHealth;
import io.parkwatch.platform.kafka.TopicFollower;
import io.parkwatch.rules.incident.IncidentEvent;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import io.parkwatch.simulator.load.LoadGenerator;
import io.parkwatch.simulator.load.LoadPark;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * An alarm flood (IEC 62682: more alarms than an operator can take in): every point of a park crosses its alarm limit
 * within {@link #OVER} and stays over it, one alarm each, all open at the end. Every alarm must reach the console's
 * live feed (a WebSocket client that times each) and the notifier (a JSON webhook, which is never folded), and the
 * board in headless Chromium must stay usable: the time from an acknowledgement to the board showing it, measured in
 * the page, during the flood and with every alarm open. CI floods 1,000 points in 10 s; {@code bench/flood.sh}
 * more ({@code -Dflood.points=10000 -Dflood.seconds=60}) and reports the figures.
 *
 * <p>What is asserted is what holds today: every alarm everywhere, the board drawing at most its 200 most urgent rows
 * and showing an acknowledgement within 2 s once the flood has passed. The lag while the flood lasts is reported, not
 * asserted: it is seconds to tens of seconds (BENCHMARKS.md, benchmark 18, says why), against a target of 1 s.
 */
class FloodIT {

    static final int POINTS = Integer.getInteger("flood.points", 1_000);
    static final Duration OVER = Duration.ofSeconds(Integer.getInteger("flood.seconds", 10));
    /** The page's trace of what its counter of open alarms showed, and when (polled every frame it draws). */
    static final String TRACE = """
            window.floodTrace = []; window.longTasks = [];
            let last = null;
            const tick = () => {
              const n = document.getElementById('n-alarm').textContent;
              if (n !== last) { last = n; window.floodTrace.push([Date.now(), Number(n)]); }
              requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
            window.switchedAt = 0; // when the page went to the incidents by itself (the test reads it, late or not)
            window.addEventListener('hashchange', () => {
              if (location.hash === '#/incidents' && !window.switchedAt) window.switchedAt = Date.now();
            });
            new PerformanceObserver(l => l.getEntries().forEach(e => window.longTasks.push(e.duration)))
              .observe({ type: 'longtask' });
            """;
    /**
     * Acknowledges the first unanswered alarm drawn on the board, from the page, and answers how long until the board
     * showed it: the page has the acknowledgement and its row says who answered, or the row has left the rows drawn
     * (answered alarms sort after the unanswered).
     */
    static final String ACK_AND_WAIT = """
            const done = arguments[arguments.length - 1];
            import('/store.js').then(({ store }) => {
              const row = [...document.querySelectorAll('#rows tr[data-id]')]
                .find(r => { const a = store.alerts.get(r.dataset.id); return a && a.state === 'ACTIVE' && !a.acknowledgedBy; });
              const id = row.dataset.id, t0 = performance.now();
              const board = document.getElementById('view-board');
              const shown = () => { const r = document.getElementById('a-' + id), a = store.alerts.get(id);
                return !board.hidden && a && a.acknowledgedBy && (!r || r.querySelector('.state').textContent.includes('duty')); };
              fetch('/api/alerts/' + encodeURIComponent(id) + '/ack', { method: 'POST',
                  headers: { 'Content-Type': 'application/json' }, body: '{"note":"flood"}', credentials: 'same-origin' })
                .then(r => {
                  if (!r.ok) { done('refused ' + r.status + ' for ' + id); return; }
                  const wait = () => shown() ? done(performance.now() - t0)
                      : performance.now() - t0 > 20000 ? done('not shown in 20 s: ' + id + ' board hidden ' + board.hidden + ' views ' + [...document.querySelectorAll('.view')].filter(v => !v.hidden).map(v => v.id) + ' ' + location.href + ' me ' + JSON.stringify(store.me) + ' alert ' + JSON.stringify(store.alerts.get(id)) + ' conn ' + document.getElementById('conn').textContent)
                      : requestAnimationFrame(wait);
                  wait();
                });
            });
            """;

    @TempDir
    Path tmp;

    @Test
    void everyAlarmOfAFloodReachesTheLiveFeedAndTheNotifierAndTheBoardStaysUsable() throws Exception {
        ConsoleBrowserIT.requireChromium();
        Path park = tmp.resolve("load-park");
        LoadPark.write(park, POINTS, 4);
        Map<String, Long> raisedAt = new ConcurrentHashMap<>(); // alert id -> its reading's time, from the job
        Map<String, Long> onFeed = new ConcurrentHashMap<>(); // alert id -> when the live feed brought it
        Map<String, Long> onKafka = new ConcurrentHashMap<>(); // alert id -> when its RAISED event was on Kafka
        AtomicLong floodOnKafka = new AtomicLong(); // when the job's incidents first said "in flood"
        try (WebhookLatency hook = WebhookLatency.start(0, 0)) {
            Settings settings = ConsoleBrowserIT.standalone(tmp)
                    .with("files.points", park.resolve("points.yaml")).with("files.rules", park.resolve("rules.yaml"))
                    .with("files.devices", park.resolve("devices.yaml")).with("files.users", park.resolve("users.yaml"))
                    .with("files.hj212", park.resolve("hj212.yaml")).with("files.maintenance", "")
                    .with("files.contacts", "").with("files.operations", "").with("files.risk", "")
                    .with("files.site-plan", "").with("console.session-file", "")
                    .with("gateway.max-readings-per-second", 100_000_000).with("gateway.backpressure-high", 200_000)
                    .withValue("notifier.webhooks", List.of(Map.of("name", "flood-feed", "format", "json",
                            "url", "http://127.0.0.1:" + hook.port() + "/hook")));
            WebDriver browser = chromium();
            try (ParkWatchStandalone standalone = ParkWatchStandalone.start(settings, StandaloneEndToEndIT.ROOT);
                    TopicFollower raised = TopicFollower.since(standalone.kafkaBootstrap(), Topics.ALERT_EVENTS,
                            "flood-raised", System.currentTimeMillis() - 1000, rec -> {
                                AlertEvent e = WireJson.alertEvent(rec.value());
                                if (e.type() == AlertEventType.RAISED) {
                                    onKafka.put(e.alertId(), System.currentTimeMillis());
                                    raisedAt.put(e.alertId(), e.eventTime());
                                }
                            });
                    TopicFollower incidents = TopicFollower.since(standalone.kafkaBootstrap(), Topics.INCIDENTS,
                            "flood-incidents", System.currentTimeMillis() - 1000, rec -> {
                                if (WireJson.read(rec.value(), IncidentEvent.class).incident().inFlood()) {
                                    floodOnKafka.compareAndSet(0, System.currentTimeMillis());
                                }
                            })) {
                ConsoleClient duty = new ConsoleClient(standalone.consolePort());
                assertThat(duty.login("duty", LoadPark.PASSWORD)).isEqualTo(200);
                HttpClient http = HttpClient.newHttpClient(); // referenced to the end: a client collected closes its sockets
                WebSocket feed = liveFeed(http, standalone.consolePort(), duty.token(), onFeed);
                logIn(browser, standalone.consolePort(), "duty", LoadPark.PASSWORD);
                js(browser, TRACE);
                // -Dflood.profile=page.cpuprofile: the page's CPU profile until every alarm is counted (opens in DevTools)
                String profile = System.getProperty("flood.profile");
                ChromeDriver devTools = (ChromeDriver) browser;
                if (profile != null) {
                    devTools.executeCdpCommand("Profiler.enable", Map.of());
                    devTools.executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 500));
                    devTools.executeCdpCommand("Profiler.start", Map.of());
                }
                LiveFeedHealth before = standalone.console().liveFeed();

                List<Double> duringFlood = new ArrayList<>();
                List<Double> allOpen = new ArrayList<>();
                long start;
                long switched;
                try (LoadGenerator load = new LoadGenerator(new LoadGenerator.Settings(
                        "tcp://127.0.0.1:" + standalone.mqttPort(), POINTS, POINTS, 4, 1, 100, false)
                        .withFlood(OVER)).start()) {
                    start = System.currentTimeMillis();
                    // the flood is seen as one: the console shows the incidents instead of the board (EEMUA 191) ...
                    // (timed in the page: a page busy with a flood answers WebDriver seconds late)
                    await().atMost(OVER.multipliedBy(3)).pollInterval(Duration.ofMillis(200))
                            .until(() -> ((Number) js(browser, "return window.switchedAt;")).longValue() > 0);
                    switched = ((Number) js(browser, "return window.switchedAt;")).longValue() - start;
                    long began = start;
                    assertThat(switched).as(() -> "ms to the incidents view; the first alarm on Kafka "
                            + since(began, onKafka.values().stream().mapToLong(x -> x).min().orElse(0))
                            + ", the flood on the incidents topic " + since(began, floodOnKafka.get()))
                            .isLessThanOrEqualTo(OVER.toMillis());
                    // ... and an officer who goes back to the board stays there while the flood lasts
                    js(browser, "location.hash = '#/board';");
                    for (int third = 1; third <= 2; third++) {
                        long due = start + OVER.toMillis() * third / 3;
                        await().atMost(OVER).until(() -> System.currentTimeMillis() >= due);
                        duringFlood.add(ackAndWait(browser));
                    }
                    await().atMost(OVER.plusSeconds(Math.max(120, POINTS / 20))).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                            assertThat(List.of(raisedAt.size(), onFeed.size(), hook.all().size(), shownOpen(browser)))
                                    .as("raised, on the live feed, at the webhook, counted on the board; "
                                            + standalone.console().liveFeed())
                                    .containsOnly(POINTS));
                    if (profile != null) {
                        Files.writeString(Path.of(profile), WireJson.writeString(
                                devTools.executeCdpCommand("Profiler.stop", Map.of()).get("profile")));
                    }
                    for (int i = 0; i < 5; i++) {
                        allOpen.add(ackAndWait(browser));
                    }
                    load.stop();
                    await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledged() + load.failed() >= load.sent());
                    assertThat(load.failed()).isZero();
                }
                LiveFeedHealth health = standalone.console().liveFeed();
                feed.abort();
                assertThat(http).isNotNull(); // (kept reachable until here)

                // one alarm per point, raised within the flood's length, each on the feed and at the webhook once
                assertThat(raisedAt).hasSize(POINTS);
                long first = Collections.min(raisedAt.values());
                long last = Collections.max(raisedAt.values());
                assertThat(last - first).as("the flood's alarms were raised within").isLessThanOrEqualTo(OVER.toMillis() + 2_000);
                assertThat(onFeed.keySet()).isEqualTo(raisedAt.keySet());
                assertThat(hook.all()).hasSize(POINTS);
                List<Long> feedLag = new ArrayList<>();
                onFeed.forEach((id, at) -> feedLag.add(at - raisedAt.get(id)));
                List<Long> kafkaLag = new ArrayList<>();
                onKafka.forEach((id, at) -> kafkaLag.add(at - raisedAt.get(id)));
                List<Long> screenLag = screenLag(browser, raisedAt);
                List<Double> longTasks = ((List<?>) js(browser, "return window.longTasks;")).stream()
                        .map(x -> ((Number) x).doubleValue()).toList();
                System.gc();
                long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
                String report = String.format(Locale.ROOT, "flood: %d alarms raised in %.1f s; alert events on Kafka %s; live feed %s; webhook %s;"
                        + " page counter %s; the board switched to the incidents %d ms after the load began (the job said"
                        + " \"in flood\" %s); acknowledgement shown on the board in %s ms during the flood, %s ms with"
                        + " all %d open (max %.0f ms); longest task in the page %.0f ms (%d tasks over 50 ms); live feed"
                        + " %s (before %s); heap after the flood %d MB (whole standalone)",
                        POINTS, (last - first) / 1000.0, figures(kafkaLag), figures(feedLag), figures(hook.all()), figures(screenLag),
                        switched, since(start, floodOnKafka.get()), ms(duringFlood), ms(allOpen), POINTS, Collections.max(allOpen),
                        longTasks.stream().mapToDouble(d -> d).max().orElse(0), longTasks.size(), health, before, heapMb);
                System.out.println(report);
                // the board: every alarm counted, the most urgent drawn, the rest a filter away
                assertThat(browser.findElements(By.cssSelector("#rows tr"))).hasSize(Math.min(POINTS, 200));
                assertThat(browser.findElement(By.id("board-more")).isDisplayed()).as("the note under the rows: %s", js(browser,
                        "const e = document.getElementById('board-more'); return e.outerHTML + ' ' + getComputedStyle(e).display"
                        + " + ' ' + e.offsetHeight + ' ' + getComputedStyle(e.parentElement).display + ' ' + location.href"
                        + " + ' ' + [...document.querySelectorAll('.view')].filter(v => !v.hidden).map(v => v.id);")).isEqualTo(POINTS > 200);
                assertThat(duringFlood).as("acknowledgement to board during the flood (ms)")
                        .allSatisfy(x -> assertThat(x).isNotNaN());
                assertThat(allOpen).as("acknowledgement to board, all open (ms)")
                        .allSatisfy(x -> assertThat(x).isBetween(0.0, 2_000.0));
                // Chromium kept up: nothing withheld from it, nothing held for it beyond the high water mark
                assertThat(health.withheld()).isZero();
                assertThat(health.mostPendingBytes()).isLessThan(2 * 1024 * 1024);

                // an officer who opens the console on the flooded board sees every alarm (it comes in parts of 200)
                int shown = shownOpen(browser);
                assertThat(shown).as("open alarms on the board before it is opened again").isGreaterThan(200);
                browser.navigate().refresh();
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> shownOpen(browser) == shown);
                assertThat(standalone.console().liveFeed().mostPendingBytes()).isLessThan(2 * 1024 * 1024);
            } finally {
                browser.quit();
            }
        }
    }

    /** A live-feed client that notes when each alert first arrived ACTIVE, in the snapshot or pushed. */
    static WebSocket liveFeed(HttpClient http, int port, String token, Map<String, Long> onFeed) throws Exception {
        return http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
                    final StringBuilder buf = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean lastPart) {
                        buf.append(data);
                        if (lastPart) {
                            long now = System.currentTimeMillis();
                            try {
                                JsonNode m = WireJson.MAPPER.readTree(buf.toString());
                                List<JsonNode> alerts = new ArrayList<>();
                                m.path("alerts").forEach(alerts::add);
                                if (m.has("alert")) {
                                    alerts.add(m.get("alert"));
                                }
                                for (JsonNode a : alerts) {
                                    if (a.path("state").asText().equals("ACTIVE")) {
                                        onFeed.putIfAbsent(a.get("id").asText(), now);
                                    }
                                }
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            buf.setLength(0);
                        }
                        w.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    static double ackAndWait(WebDriver browser) {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object took = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(ACK_AND_WAIT);
        if (!(took instanceof Number n)) {
            // measured on: the figures are reported first, the acknowledgements asserted after them
            System.out.println("flood: acknowledgement " + took);
            return Double.NaN;
        }
        return n.doubleValue();
    }

    static int shownOpen(WebDriver browser) {
        return ((Number) js(browser, "return Number(document.getElementById('n-alarm').textContent);")).intValue();
    }

    /**
     * For the k-th alarm raised (by its reading's time), how long until the page's counter first showed k open
     * alarms: the flood as the duty officer saw it arrive.
     */
    static List<Long> screenLag(WebDriver browser, Map<String, Long> raisedAt) {
        List<Long> raised = new ArrayList<>(raisedAt.values());
        Collections.sort(raised);
        List<?> trace = (List<?>) js(browser, "return window.floodTrace;");
        List<Long> lag = new ArrayList<>();
        int at = 0;
        for (Object o : trace) {
            List<?> point = (List<?>) o;
            long when = ((Number) point.get(0)).longValue();
            long shown = ((Number) point.get(1)).longValue();
            while (at < raised.size() && at < shown) {
                lag.add(when - raised.get(at++));
            }
        }
        return lag;
    }

    static String figures(List<Long> lags) {
        List<Long> l = new ArrayList<>(lags);
        Collections.sort(l);
        if (l.isEmpty()) {
            return "none";
        }
        return String.format(Locale.ROOT, "%d alarms, lag p50 %d / p99 %d / max %d ms", l.size(), l.get(l.size() / 2),
                l.get(Math.min(l.size() - 1, (int) Math.ceil(0.99 * l.size()) - 1)), l.get(l.size() - 1));
    }

    /** How long after {@code start} a time was, or that it has not come. */
    static String since(long start, long at) {
        return at == 0 ? "not yet" : "after " + (at - start) + " ms";
    }

    static String ms(List<Double> took) {
        return String.join(" / ", took.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList());
    }

}
