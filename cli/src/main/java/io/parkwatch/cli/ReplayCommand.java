package io.parkwatch.cli;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.RecordedReadings;
import io.parkwatch.simulator.ReadingPublisher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parkwatch replay FILE}: send recorded readings to a running gateway, paced like the recording. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Send recorded readings (CSV point,ts,value[,quality]; JSON lines; InfluxDB line protocol .lp) "
                + "through the gateway: at the recorded pace (--speed 1), N times faster, or as fast as it accepts (--max).")
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the recording (.csv, .jsonl, .lp)")
    Path file;

    @Option(names = "--speed", defaultValue = "1", description = "recorded seconds per second (default: ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--max", description = "as fast as the gateway acknowledges")
    boolean max;

    @Option(names = "--retime", description = "move the timestamps so the recording ends as the replay ends (keeps their spacing)")
    boolean retime;

    @Mixin
    ParkTarget target;

    @Override
    public Integer call() throws Exception {
        Settings s = target.settings();
        PointRegistry park = target.park(s);
        List<Reading> readings;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("reading " + file.getFileName())
                .setInitialMax(Files.size(file)).setStyle(ProgressBarStyle.ASCII).setUnit(" KB", 1024).build()) {
            readings = new ArrayList<>(RecordedReadings.read(file, park, bar::stepTo));
        }
        if (readings.isEmpty()) {
            System.out.println("nothing to replay in " + file);
            return 0;
        }
        String url = target.mqttUrl(s);
        Summary sum = replay(readings, max ? Double.POSITIVE_INFINITY : speed, retime, url, SimulateCommand.logins(s));
        System.out.print(sum.text(file.getFileName().toString()));
        return sum.failed() == 0 && sum.skipped() == 0 ? 0 : 1;
    }

    /** What a replay did. */
    record Summary(int readings, long first, long last, double seconds, long acknowledged, long refused, long failed,
            long skipped) {

        String text(String name) {
            return String.format(Locale.ROOT, "%nreplayed %s: %d readings (%s .. %s) in %.1f s, %.0f readings/s%n"
                    + "  acknowledged %d, refused by the gateway %d (see parkwatch.readings.rejected), failed %d,"
                    + " skipped %d (no login for their enterprise)%n", name, readings, java.time.Instant.ofEpochMilli(first),
                    java.time.Instant.ofEpochMilli(last), seconds, (readings - skipped) / seconds, acknowledged, refused,
                    failed, skipped);
        }
    }

    /** Sends the readings, paced at {@code speed} (infinite: as fast as acknowledged), one batch per enterprise and moment. */
    static Summary replay(List<Reading> recorded, double speed, boolean retime, String url, List<io.parkwatch.simulator.DeviceLogin> logins)
            throws Exception {
        List<Reading> readings = new ArrayList<>(recorded);
        boolean max = Double.isInfinite(speed);
        readings.sort(Comparator.comparingLong(Reading::timestamp));
        long first = readings.get(0).timestamp();
        long last = readings.get(readings.size() - 1).timestamp();
        // retimed, the recording ends when the replay does: no reading is ever stamped ahead of its sending
        long shift = retime ? System.currentTimeMillis() + (long) ((last - first) / (max ? 1e9 : speed)) - last : 0;
        long wallStart = System.currentTimeMillis();
        try (ReadingPublisher publisher = new ReadingPublisher(url, logins,
                readings.stream().map(Reading::enterpriseId).distinct().toList());
                ProgressBar bar = new ProgressBarBuilder().setTaskName("replaying").setInitialMax(readings.size())
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" readings", 1).build()) {
            int i = 0;
            while (i < readings.size()) {
                long ts = readings.get(i).timestamp();
                if (!max) { // recorded pace: this moment is due (ts - first) / speed after the start
                    long wait = wallStart + (long) ((ts - first) / speed) - System.currentTimeMillis();
                    if (wait > 0) {
                        TimeUnit.MILLISECONDS.sleep(wait);
                    }
                }
                // all readings of this moment, one batch per enterprise (as a data logger sends them)
                Map<String, StringBuilder> batches = new LinkedHashMap<>();
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (; i < readings.size() && readings.get(i).timestamp() == ts; i++) {
                    Reading r = readings.get(i);
                    StringBuilder b = batches.computeIfAbsent(r.enterpriseId(), k -> new StringBuilder("["));
                    b.append(b.length() > 1 ? "," : "").append(String.format(Locale.ROOT,
                            "{\"point\":\"%s\",\"ts\":%d,\"v\":%s,\"q\":\"%s\"}", r.pointId(), r.timestamp() + shift,
                            Double.toString(r.value()), r.quality()));
                    counts.merge(r.enterpriseId(), 1, Integer::sum);
                }
                for (Map.Entry<String, StringBuilder> b : batches.entrySet()) {
                    if (publisher.has(b.getKey())) {
                        publisher.publish(b.getKey(), b.getValue().append(']').toString().getBytes(StandardCharsets.UTF_8),
                                counts.get(b.getKey()));
                    }
                }
                bar.stepTo(i);
            }
            publisher.awaitAnswered(60_000);
            double seconds = (System.currentTimeMillis() - wallStart) / 1000.0;
            long skipped = readings.size() - publisher.sent() - publisher.failed();
            return new Summary(readings.size(), first + shift, last + shift, seconds, publisher.acknowledged(),
                    publisher.refused(), publisher.failed(), skipped);
        }
    }
}
