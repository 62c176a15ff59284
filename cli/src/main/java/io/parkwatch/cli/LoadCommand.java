package io.parkwatch.cli;

import io.parkwatch.platform.kafka.TopicFollower;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import io.parkwatch.simulator.load.LoadGenerator;
import io.parkwatch.simulator.load.LoadPark;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parkwatch load}: publish many points at a set rate and report throughput and end-to-end
 * latency (a reading's timestamp to its alert event arriving on parkwatch.alert-events).
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Publish --points points at --rate readings/s over --connections MQTT connections and report every "
                + "few seconds the sent and acknowledged rates and the alert latency p50 / p99 / max. Points LOAD-n of "
                + "enterprise ent-load must exist: --write-park DIR writes a park (points, rules, devices, config) to run it on.")
public final class LoadCommand implements Callable<Integer> {

    @Option(names = "--points", defaultValue = "1000") int points;
    @Option(names = "--rate", defaultValue = "10000", description = "readings per second, all connections together") int rate;
    @Option(names = "--connections", defaultValue = "4") int connections;
    @Option(names = "--qos", defaultValue = "1", description = "0 or 1") int qos;
    @Option(names = "--batch", defaultValue = "50", description = "readings per MQTT message") int batch;
    @Option(names = "--duration", defaultValue = "60s") String duration;
    @Option(names = "--report-every", defaultValue = "5s") String every;
    @Option(names = "--warmup", defaultValue = "10s", description = "left out of the final latency figures (JIT, first batches)")
    String warmup;
    @Option(names = "--mqtt", defaultValue = "tcp://localhost:1883") String mqtt;
    @Option(names = "--protocol", defaultValue = "mqtt", description = "mqtt or hj212 (one data logger per connection)")
    String protocol;
    @Option(names = "--hj212", defaultValue = "localhost:9212", description = "HJ 212 endpoint host:port") String hj212;
    @Option(names = "--kafka", defaultValue = "localhost:9092") String kafka;
    @Option(names = "--write-park", description = "write a park for the load to DIR and exit") Path writePark;
    @Option(names = "--flood", description = "an alarm flood instead of one crossing a second: every point crosses its "
            + "limit once within this time (e.g. 60s) and stays over it") String flood;
    @Option(names = "--webhook-port", defaultValue = "0", description = "also receive the notifier's JSON webhook on "
            + "127.0.0.1:PORT/hook and time reading -> webhook for RAISED/REPEATED events (0: not)") int webhookPort;

    @Override
    public Integer call() throws Exception {
        if (writePark != null) {
            LoadPark.write(writePark, points, connections);
            System.out.println("wrote " + writePark + ": start ParkWatch on it with  . " + writePark.resolve("env.sh")
                    + "; ./parkwatch run");
            return 0;
        }
        boolean overHj212 = protocol.equals("hj212");
        LoadGenerator.Settings settings = new LoadGenerator.Settings(overHj212 ? hj212 : mqtt, points, rate, connections,
                qos, batch, overHj212);
        if (flood != null) {
            settings = settings.withFlood(io.parkwatch.rules.config.Durations.parse(flood));
        }
        Result r = run(settings,
                io.parkwatch.rules.config.Durations.parse(duration), io.parkwatch.rules.config.Durations.parse(every),
                io.parkwatch.rules.config.Durations.parse(warmup), kafka, webhookPort, true);
        System.out.print(r.text());
        return 0;
    }

    /**
     * The whole run: rates, the latency of every alert of a crossing point, and (when the webhook is received) of
     * every RAISED event from its reading to the webhook.
     */
    record Result(double seconds, long sent, long acknowledged, long failed, List<Long> latencies,
            List<Long> toWebhook, long drainMillis) {

        /** A window of the run: no drain. */
        Result(double seconds, long sent, long acknowledged, long failed, List<Long> latencies, List<Long> toWebhook) {
            this(seconds, sent, acknowledged, failed, latencies, toWebhook, -1);
        }

        long percentile(double p) {
            return percentile(latencies, p);
        }

        static long percentile(List<Long> of, double p) {
            if (of.isEmpty()) {
                return -1;
            }
            List<Long> sorted = new ArrayList<>(of);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }

        String text() {
            String out = String.format(Locale.ROOT, "load: %.0f s, sent %d (%.0f/s), acknowledged %d (%.0f/s), failed %d;"
                    + " alert latency after the warm-up over %d alerts: p50 %d ms, p99 %d ms, max %d ms%n", seconds, sent, sent / seconds,
                    acknowledged, acknowledged / seconds, failed, latencies.size(), percentile(0.5), percentile(0.99),
                    percentile(1.0));
            if (drainMillis >= 0) {
                long unanswered = sent - acknowledged - failed;
                out += unanswered <= 0
                        ? String.format(Locale.ROOT, "acknowledged after the load stopped: all within %d ms%n", drainMillis)
                        : String.format(Locale.ROOT, "acknowledged after the load stopped: %d still unanswered after %d ms%n",
                                unanswered, drainMillis);
            }
            if (toWebhook != null) {
                out += String.format(Locale.ROOT, "reading -> webhook after the warm-up over %d RAISED/REPEATED events: p50 %d ms,"
                        + " p99 %d ms, max %d ms%n", toWebhook.size(), percentile(toWebhook, 0.5),
                        percentile(toWebhook, 0.99), percentile(toWebhook, 1.0));
            }
            return out;
        }
    }

    static Result run(LoadGenerator.Settings s, Duration duration, Duration every, Duration warmup, String kafka,
            int webhookPort, boolean print) throws Exception {
        long measureFrom = System.currentTimeMillis() + warmup.toMillis();
        List<Long> all = Collections.synchronizedList(new ArrayList<>());
        List<Long> window = Collections.synchronizedList(new ArrayList<>());
        try (TopicFollower follower = TopicFollower.since(kafka, Topics.ALERT_EVENTS, "parkwatch-load-latency",
                System.currentTimeMillis() - 1000, rec -> {
                    long now = System.currentTimeMillis();
                    AlertEvent e = WireJson.alertEvent(rec.value());
                    if (e.pointId().startsWith(LoadPark.PREFIX)
                            && (e.type() == AlertEventType.RAISED || e.type() == AlertEventType.REPEATED)) {
                        if (e.eventTime() >= measureFrom) {
                            all.add(now - e.eventTime());
                        }
                        window.add(now - e.eventTime());
                    }
                });
                WebhookLatency hook = webhookPort > 0 ? WebhookLatency.start(webhookPort, measureFrom) : null;
                LoadGenerator gen = new LoadGenerator(s).start()) {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long lastSent = 0;
            long lastAcked = 0;
            while (System.nanoTime() < end) {
                TimeUnit.NANOSECONDS.sleep(Math.min(every.toNanos(), end - System.nanoTime()));
                if (print) {
                    List<Long> w;
                    synchronized (window) {
                        w = new ArrayList<>(window);
                        window.clear();
                    }
                    Result part = new Result(every.toMillis() / 1000.0, gen.sent() - lastSent, gen.acknowledged() - lastAcked,
                            0, w, null);
                    String webhook = "";
                    if (hook != null) {
                        List<Long> h = hook.takeWindow();
                        webhook = String.format(Locale.ROOT, "  webhook p99 %4d ms (%d)", Result.percentile(h, 0.99),
                                h.size());
                    }
                    System.out.printf(Locale.ROOT, "t=+%3.0fs  sent %7.0f/s  acknowledged %7.0f/s  latency p50 %4d ms  p99 %4d ms"
                            + "  max %4d ms  (%d alerts)%s%n", (System.nanoTime() - start) / 1e9, part.sent() / part.seconds(),
                            part.acknowledged() / part.seconds(), part.percentile(0.5), part.percentile(0.99),
                            part.percentile(1.0), w.size(), webhook);
                }
                lastSent = gen.sent();
                lastAcked = gen.acknowledged();
            }
            gen.stop();
            double seconds = (System.nanoTime() - start) / 1e9;
            // QoS 1: a device keeps what is not acknowledged yet and waits for it; so does the load (30 s at most), so
            // that what was in flight when it stopped counts as the gateway's answer to it, acknowledged or failed
            long drainFrom = System.nanoTime();
            while (gen.acknowledged() + gen.failed() < gen.sent()
                    && System.nanoTime() - drainFrom < TimeUnit.SECONDS.toNanos(30)) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            long drained = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - drainFrom);
            TimeUnit.SECONDS.sleep(3); // the last crossings' alerts
            return new Result(seconds, gen.sent(), gen.acknowledged(), gen.failed(), new ArrayList<>(all),
                    hook == null ? null : hook.all(), drained);
        }
    }
}
