package io.parkwatch.cli;

import static io.parkwatch.cli.ConsoleBrowserIT.POINT;
import static io.parkwatch.cli.ConsoleBrowserIT.chromium;
import static io.parkwatch.cli.ConsoleBrowserIT.codes;
import static io.parkwatch.cli.ConsoleBrowserIT.englishWords;
import static io.parkwatch.cli.ConsoleBrowserIT.js;
import static io.parkwatch.cli.ConsoleBrowserIT.logIn;
import static io.parkwatch.cli.ConsoleBrowserIT.shot;
import static io.parkwatch.cli.ConsoleBrowserIT.ui;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.fixtures.influx.InfluxV1Server;
import io.parkwatch.simulator.Incident;
import io.parkwatch.simulator.ParkSimulator;
import io.parkwatch.simulator.Profile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The park on its plan, the wall screen and a day of history, in headless Chromium (zh-CN) against the whole
 * system: T-101's dike detector flashes on the map while its alarm is unanswered, the wall screen shows it and
 * turns its panels by itself, the alert's chart reaches back a day into a real InfluxDB 1.6, and an enterprise
 * operator's map shows their plant only.
 */
class ParkMapBrowserIT {

    @TempDir
    Path tmp;

    @Test
    void theMapTheWallScreenAndADayOfHistory() throws Exception {
        ConsoleBrowserIT.requireChromium();
        if ("1".equals(System.getenv("PARKWATCH_REQUIRE_INFLUXDB"))) {
            assertThat(InfluxV1Server.installed()).as("influxd (Debian: influxdb)").isTrue();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(InfluxV1Server.installed(), "influxd not installed");
        try (InfluxV1Server influx = InfluxV1Server.start(tmp.resolve("influx"))) {
            // yesterday's readings of the detector, one a minute, as the rules job would have written them
            influx.execute("CREATE DATABASE parkwatch");
            long now = System.currentTimeMillis();
            StringBuilder day = new StringBuilder();
            for (long t = now - 86_400_000L; t < now - 3_600_000L; t += 60_000) {
                double v = 2 + 3 * Math.sin((now - t) / 3_600_000.0);
                day.append("reading,enterprise=ent-huaxin,point=").append(POINT).append(",quality=N value=").append(v)
                        .append(' ').append(t).append('\n');
            }
            influx.write("parkwatch", day.toString());
            Settings settings = ConsoleBrowserIT.standalone(tmp).with("console.history.url", influx.url())
                    .with("console.history.database", "parkwatch");
            try (ParkWatchStandalone park = ParkWatchStandalone.start(settings, StandaloneEndToEndIT.ROOT)) {
                Set<String> allowed = codes(park);
                Incident gas = new Incident("gas at the T-101 dike", 0,
                        Map.of(POINT, Profile.of(0, 0, 2.9, 0, 3, 32, 90, 32)));
                WebDriver browser = chromium();
                try (ParkSimulator sim = ConsoleBrowserIT.simulator(settings, park, gas, Duration.ofSeconds(90))) {
                    Thread publisher = ConsoleBrowserIT.publish(sim);
                    logIn(browser, park.consolePort(), "duty", "duty-demo");

                    // the map: T-101's detector in alarm, flashing while nobody has answered
                    browser.get("http://127.0.0.1:" + park.consolePort() + "/#/map");
                    ui().atMost(Duration.ofSeconds(40)).until(() -> marker(browser) != null && marker(browser)
                            .getAttribute("class").contains("status-ALARM") && marker(browser).getAttribute("class")
                            .contains("flash"));
                    ui().atMost(Duration.ofSeconds(10)).untilAsserted(() -> { // the plan is redrawn as states change
                        assertThat(browser.findElement(By.cssSelector("g.area[data-enterprise='ent-huaxin']"))
                                .getAttribute("class")).contains("status-ALARM");
                        assertThat(browser.findElements(By.cssSelector("g.area"))).hasSize(3);
                        assertThat(browser.findElement(By.cssSelector("g.area[data-enterprise='ent-huaxin'] .area-label"))
                                .getText()).isEqualTo("华信石化（芳烃罐区）");
                        assertThat(marker(browser).findElement(By.tagName("title")).getAttribute("textContent"))
                                .contains("T-101 防火堤可燃气体探测器 1", "%LEL", "一级报警");
                    });
                    assertThat(englishWords(browser, allowed)).as("English words on the zh-CN map").isEmpty();
                    ConsoleBrowserIT.shot(browser, "map-t101-flashing.png");

                    // the wall screen, turning its main panel every 3 s
                    browser.get("http://127.0.0.1:" + park.consolePort() + "/#/wall/3");
                    ui().atMost(Duration.ofSeconds(15)).until(() -> !browser.findElement(By.id("w-alarm")).getText()
                            .equals("0") && browser.findElement(By.id("wall-unanswered")).getText()
                            .contains("T-101 防火堤可燃气体探测器 1"));
                    assertThat(browser.findElement(By.cssSelector("header")).isDisplayed()).isFalse();
                    ui().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(
                            By.cssSelector("#wall-panel-map svg.plan g.marker.flash")).isEmpty());
                    ui().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElement(By.id("wall-rate")).getText()
                            .equals("–"));
                    shot(browser, "wall-screen.png");
                    ui().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("wall-panel-ents")).isDisplayed());
                    ui().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(browser.findElement(
                            By.id("wall-panel-ents")).getText()).contains("华信石化（芳烃罐区）", "一级报警"));
                    assertThat(englishWords(browser, allowed)).as("English words on the zh-CN wall screen").isEmpty();
                    shot(browser, "wall-screen-enterprises.png");
                    ui().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("wall-panel-map")).isDisplayed());

                    // the alarm's detector over the last day: history from InfluxDB, downsampled by it
                    browser.get("http://127.0.0.1:" + park.consolePort() + "/#/map");
                    ui().atMost(Duration.ofSeconds(10)).until(() -> marker(browser) != null && marker(browser).isDisplayed());
                    ui().atMost(Duration.ofSeconds(10)).until(() -> {
                        marker(browser).click();
                        return true;
                    });
                    ui().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("view-alert")).isDisplayed()
                            && !browser.findElements(By.cssSelector("button[data-period='24h']")).isEmpty());
                    browser.findElement(By.cssSelector("button[data-period='24h']")).click();
                    ui().atMost(Duration.ofSeconds(15)).until(() -> browser.findElement(By.id("detail")).getText()
                            .contains("来自 InfluxDB 的历史数据"));
                    String points = browser.findElement(By.cssSelector("svg.chart polyline")).getAttribute("points");
                    assertThat(points.split(" ")).hasSizeGreaterThan(600); // a day of means, not the last hour only
                    shot(browser, "alert-history-day.png");
                    publisher.join(120_000);
                } finally {
                    browser.quit();
                }

                // an operator of Huaxin: the park's outline and their own plant, nothing of the others
                WebDriver operator = chromium();
                try {
                    logIn(operator, park.consolePort(), "huaxin", "huaxin-demo");
                    operator.get("http://127.0.0.1:" + park.consolePort() + "/#/map");
                    ui().atMost(Duration.ofSeconds(10)).until(() -> !operator.findElements(By.cssSelector("g.area")).isEmpty());
                    assertThat(operator.findElements(By.cssSelector("g.area"))).extracting(e -> e.getAttribute("data-enterprise"))
                            .containsExactly("ent-huaxin");
                    assertThat(operator.findElements(By.cssSelector("g.marker[data-point^='DH-'], g.marker[data-point^='XY-']")))
                            .isEmpty();
                    assertThat((String) js(operator, "return document.body.innerHTML;")).doesNotContain("DH-V201", "ent-donghai");
                    shot(operator, "map-operator-huaxin.png");
                } finally {
                    operator.quit();
                }
            }
        }
    }

    static WebElement marker(WebDriver b) {
        List<WebElement> found = b.findElements(By.cssSelector("#map-canvas g.marker[data-point='" + POINT + "'], "
                + "#wall-panel-map g.marker[data-point='" + POINT + "']"));
        return found.isEmpty() ? null : found.get(0);
    }
}
