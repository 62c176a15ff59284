package io.parkwatch.cli;

import static io.parkwatch.cli.ConsoleBrowserIT.chromium;
import static io.parkwatch.cli.ConsoleBrowserIT.js;
import static io.parkwatch.cli.ConsoleBrowserIT.logIn;
import static io.parkwatch.cli.ConsoleBrowserIT.ui;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.simulator.Incident;
import io.parkwatch.simulator.ParkSimulator;
import io.parkwatch.simulator.Profile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The wall screen left running while the park lives: alarms come and go every few minutes, the panels turn, and
 * the page's heap (after a forced collection) and its DOM must stay flat. CI runs it for 3 minutes;
 * {@code bench/wall-screen-memory.sh} runs it for 2 hours ({@code -Dwall.minutes=120}) and reports the figures.
 */
class WallScreenMemoryIT {

    static final String[] DETECTORS = {"HX-T101-GT1", "HX-T101-GT2", "DH-V201-GT1", "XY-R301-GT1"};

    @TempDir
    Path tmp;

    @Test
    void theWallScreenStaysFlatWhileAlarmsComeAndGo() throws Exception {
        ConsoleBrowserIT.requireChromium();
        int minutes = Integer.getInteger("wall.minutes", 3);
        Duration length = Duration.ofMinutes(minutes).plusSeconds(30);
        // a detector alarms every minute in turn: 20 s over 30 %LEL, then back
        List<Incident> incidents = new ArrayList<>();
        for (int m = 0; m < minutes + 1; m++) {
            incidents.add(new Incident("gas " + m, 20 + m * 60.0, Map.of(DETECTORS[m % DETECTORS.length],
                    Profile.of(0, 0, 1, 32, 20, 32, 21, 0))));
        }
        Settings settings = ConsoleBrowserIT.standalone(tmp);
        try (ParkWatchStandalone park = ParkWatchStandalone.start(settings, StandaloneEndToEndIT.ROOT);
                ParkSimulator sim = ConsoleBrowserIT.simulator(settings, park, incidents, length)) {
            WebDriver browser = chromium("--js-flags=--expose-gc", "--enable-precise-memory-info");
            try {
                Thread publisher = ConsoleBrowserIT.publish(sim);
                logIn(browser, park.consolePort(), "duty", "duty-demo");
                browser.get("http://127.0.0.1:" + park.consolePort() + "/#/wall/5");
                ui().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("view-wall")).isDisplayed());
                List<double[]> samples = new ArrayList<>(); // seconds, heap MB, DOM nodes
                long start = System.nanoTime();
                long every = 15_000;
                long next = System.currentTimeMillis() + every;
                while (System.nanoTime() - start < Duration.ofMinutes(minutes).toNanos()) {
                    long due = next;
                    ui().atMost(Duration.ofMillis(every + 5_000)).pollInterval(Duration.ofMillis(500))
                            .until(() -> System.currentTimeMillis() >= due);
                    next += every;
                    js(browser, "window.gc();");
                    double heap = ((Number) js(browser, "return performance.memory.usedJSHeapSize;")).doubleValue() / 1e6;
                    double nodes = ((Number) js(browser, "return document.getElementsByTagName('*').length;")).doubleValue();
                    samples.add(new double[] {(System.nanoTime() - start) / 1e9, heap, nodes});
                    System.out.printf(Locale.ROOT, "wall screen at %4.0f s: heap %.2f MB, %d DOM nodes%n",
                            samples.get(samples.size() - 1)[0], heap, (long) nodes);
                }
                report(samples);
                // the page has lived through alarms raised and recovered the whole time
                assertThat(browser.findElement(By.id("wall-events")).getText()).contains("报警", "恢复");
                publisher.interrupt();
                // flat: the last third's heap within 3 MB of the first third's; the DOM bounded by the page's own
                // caps (8 unanswered alarms, 12 events, the plan), whatever the time it has run
                double[] first = thirds(samples, 0);
                double[] last = thirds(samples, 2);
                assertThat(last[0] - first[0]).as("heap growth, MB").isLessThan(3.0);
                assertThat(samples).allSatisfy(x -> assertThat(x[2]).as("DOM nodes").isLessThan(1000));
            } finally {
                browser.quit();
            }
        }
    }

    /** Median heap and DOM nodes of one third of the run (0, 1, 2). */
    static double[] thirds(List<double[]> s, int which) {
        int from = s.size() * which / 3;
        int to = Math.max(from + 1, s.size() * (which + 1) / 3);
        List<double[]> part = s.subList(from, Math.min(to, s.size()));
        return new double[] {median(part, 1), median(part, 2)};
    }

    static double median(List<double[]> s, int column) {
        double[] v = s.stream().mapToDouble(x -> x[column]).sorted().toArray();
        return v[v.length / 2];
    }

    static void report(List<double[]> samples) {
        double[] heap = samples.stream().mapToDouble(x -> x[1]).sorted().toArray();
        double[] first = thirds(samples, 0);
        double[] last = thirds(samples, 2);
        System.out.printf(Locale.ROOT, "wall screen over %.0f min, %d samples: heap after GC min %.2f / median %.2f / max %.2f MB;"
                + " first third %.2f MB, last third %.2f MB (growth %+.2f MB); DOM nodes %.0f -> %.0f%n",
                samples.get(samples.size() - 1)[0] / 60, samples.size(), heap[0], heap[heap.length / 2],
                heap[heap.length - 1], first[0], last[0], last[0] - first[0], first[1], last[1]);
    }
}
