package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.simulator.DeviceLogin;
import io.parkwatch.simulator.Incident;
import io.parkwatch.simulator.ParkSimulator;
import io.parkwatch.simulator.Profile;
import io.parkwatch.simulator.SimulationPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A duty officer who reads Chinese at the console, in a real headless Chromium (language zh-CN) driven by
 * Selenium, against the whole system in one JVM: log in, watch an alarm appear without reloading, acknowledge
 * it (叫应), see it change, and close it (消警) with a disposal note once it has recovered; no English word on
 * the way but codes and units; then the same alert after switching to English. Screenshots are kept in
 * target/screenshots.
 */
class ConsoleBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target/screenshots");
    static final String POINT = "HX-T101-GT1";

    @TempDir
    Path tmp;

    @Test
    void aDutyOfficerSeesTheAlarmArriveAcknowledgesAndClosesIt() throws Exception {
        requireChromium();
        Settings settings = standalone(tmp);
        try (ParkWatchStandalone park = ParkWatchStandalone.start(settings, StandaloneEndToEndIT.ROOT)) {
            Set<String> allowed = codes(park);
            WebDriver browser = chromium();
            try {
                browser.get("http://127.0.0.1:" + park.consolePort() + "/");
                ui().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("login-user")).isDisplayed());
                long loadMs = (Long) js(browser, "const n = performance.getEntriesByType('navigation')[0];"
                        + " return Math.round(n.loadEventEnd - n.startTime);");
                System.out.printf("console page loaded in %d ms%n", loadMs);
                browser.findElement(By.id("login-user")).sendKeys("duty");
                browser.findElement(By.id("login-password")).sendKeys("duty-demo");
                browser.findElement(By.id("login-submit")).click();
                ui().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("view-board")).isDisplayed()
                        && browser.findElement(By.id("conn")).getText().equals("实时"));
                assertThat(browser.findElement(By.id("who")).getText()).contains("王磊（园区值班员）", "园区值班人员");
                assertThat(browser.findElement(By.id("park-name")).getText()).isEqualTo("滨江化工园区");
                // the shipped demo passwords are in force: a banner says so until they are replaced
                ui().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(
                        By.cssSelector("#banners .banner[data-kind='DEMO_CREDENTIALS']")).isEmpty()
                        && browser.findElement(By.id("banners")).isDisplayed());
                assertThat(browser.findElement(By.id("banners")).getText()).contains("演示密码仍在使用", "控制台用户 duty");
                assertThat(rowsOf(browser, POINT)).isEmpty();
                js(browser, "window.notReloaded = true;"); // gone if the page were reloaded

                // The park reports; T-101's dike detector sees gas from 3 s to 15 s, then clears.
                Incident gas = new Incident("gas at the T-101 dike", 0,
                        Map.of(POINT, Profile.of(0, 0, 2.9, 0, 3, 32, 15, 32, 15.1, 0, 60, 0)));
                try (ParkSimulator sim = simulator(settings, park, gas, Duration.ofSeconds(25))) {
                    Thread publisher = publish(sim);

                    // the alarm arrives by itself, as the most urgent row
                    ui().atMost(Duration.ofSeconds(30)).until(() -> !gasRow(browser).isEmpty());
                    assertThat(js(browser, "return window.notReloaded === true;")).isEqualTo(true);
                    ui().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                        assertThat(gasRow(browser).get(0).getAttribute("class")).contains("ALARM", "ACTIVE");
                        assertThat(gasState(browser)).startsWith("报警中");
                    });
                    assertThat(browser.findElement(By.id("n-unacked")).getText()).isNotEqualTo("0");
                    assertThat(gasRow(browser).get(0).getText()).contains("一级报警",
                            "T-101 防火堤可燃气体探测器 1：", "达到或超过一级报警限值 25 %LEL");
                    assertThat(englishWords(browser, allowed)).as("English words on the zh-CN board").isEmpty();
                    shot(browser, "board-new-alarm.png");

                    clickInGasRow(browser, "button.act-ack");
                    ui().atMost(Duration.ofSeconds(15)).until(() -> gasState(browser).contains("叫应：duty"));
                    assertThat(gasState(browser)).startsWith("已叫应");
                    ui().atMost(Duration.ofSeconds(5)).until(() -> gasRow(browser).get(0)
                            .findElements(By.cssSelector("button.act-ack")).isEmpty());
                    shot(browser, "board-acknowledged.png");

                    // shelved from its row for 15 minutes with a reason: shown as shelved, by whom and until when ...
                    clickInGasRow(browser, "button.act-shelve");
                    ui().atMost(Duration.ofSeconds(5)).until(() -> browser.findElement(By.id("note-dialog")).isDisplayed());
                    assertThat(browser.findElement(By.id("note-minutes-label")).isDisplayed()).isTrue();
                    browser.findElement(By.cssSelector("#note-minutes option[value='15']")).click();
                    browser.findElement(By.id("note-text")).sendKeys("仪表班正在核实探测器");
                    browser.findElement(By.id("note-ok")).click();
                    // (the row's state comes with the alert, who and until when with the SHELVED event just after it)
                    ui().atMost(Duration.ofSeconds(15)).until(() -> gasState(browser).startsWith("已搁置")
                            && gasState(browser).contains("duty 搁置至"));
                    assertThat(browser.findElement(By.id("n-shelved")).getText()).isEqualTo("1");
                    assertThat(englishWords(browser, allowed)).as("English words on a shelved row").isEmpty();
                    shot(browser, "board-shelved.png");
                    // ... and unshelved by hand: acknowledged again, as it was
                    clickInGasRow(browser, "button.act-unshelve");
                    ui().atMost(Duration.ofSeconds(15)).until(() -> gasState(browser).startsWith("已叫应")
                            || gasState(browser).startsWith("已恢复"));
                    assertThat(browser.findElement(By.id("n-shelved")).getText()).isEqualTo("0");

                    // recovered once the gas is gone; then closed with a disposal note
                    ui().atMost(Duration.ofSeconds(40)).until(() -> gasState(browser).startsWith("已恢复"));
                    String alertId = ui().atMost(Duration.ofSeconds(5)).until(
                            () -> gasRow(browser).get(0).getAttribute("data-id"), java.util.Objects::nonNull);
                    clickInGasRow(browser, "button.act-close");
                    ui().atMost(Duration.ofSeconds(5)).until(() -> browser.findElement(By.id("note-dialog")).isDisplayed());
                    browser.findElement(By.id("note-text")).sendKeys("P-104 法兰垫片已更换，防火堤内已无可燃气体。");
                    browser.findElement(By.id("note-ok")).click();
                    // closed alerts leave the default (open) view ...
                    ui().atMost(Duration.ofSeconds(15)).until(() -> gasRow(browser).isEmpty());
                    // ... and the detail view tells the whole story
                    browser.get("http://127.0.0.1:" + park.consolePort() + "/#/alert/" + alertId);
                    ui().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(By.cssSelector(".timeline li.CLOSED"))
                            .size() == 1);
                    String timeline = browser.findElement(By.cssSelector(".timeline")).getText();
                    assertThat(timeline).contains("报警", "叫应", "操作人：duty", "恢复", "消警", "已由 duty 叫应",
                            "已由 duty 消警：P-104 法兰垫片已更换");
                    assertThat(browser.findElement(By.cssSelector("svg.chart polyline")).getAttribute("points")).isNotBlank();
                    assertThat(englishWords(browser, allowed)).as("English words on the zh-CN alert detail").isEmpty();
                    // times as people here write them, in the park's time zone
                    assertThat(browser.findElement(By.cssSelector(".timeline li .num")).getText())
                            .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
                    shot(browser, "alert-detail.png");

                    // the park overview and the alarm performance page read in Chinese too
                    for (String view : List.of("overview", "kpi")) {
                        browser.get("http://127.0.0.1:" + park.consolePort() + "/#/" + view);
                        ui().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id(view)).getText()
                                .contains(view.equals("kpi") ? "园区监控中心" : "华信石化（芳烃罐区）"));
                        assertThat(englishWords(browser, allowed)).as("English words on the zh-CN " + view).isEmpty();
                        if (view.equals("kpi")) { // the period as people here write it, whatever the browser's locale
                            assertThat(browser.findElement(By.id("kpi-from")).getAttribute("value"))
                                    .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
                        }
                        shot(browser, view + ".png");
                    }
                    browser.get("http://127.0.0.1:" + park.consolePort() + "/#/alert/" + alertId);
                    ui().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(By.cssSelector(".timeline li.CLOSED"))
                            .size() == 1);

                    // the same alert for a reader who switches to English: the page and the server's sentences
                    browser.findElement(By.cssSelector("#lang option[value='en']")).click();
                    ui().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(By.cssSelector(".timeline li.CLOSED"))
                            .size() == 1 && browser.findElement(By.cssSelector(".timeline")).getText().contains("closed by duty"));
                    assertThat(browser.findElement(By.cssSelector(".timeline")).getText()).contains("raised",
                            "acknowledged by duty", "at or above the alarm limit 25 %LEL");
                    assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("en");
                    shot(browser, "alert-detail-en.png");
                    publisher.join(60_000);
                }
            } finally {
                browser.quit();
            }
        }
    }

    /** Chromium and its driver must be here in CI (PARKWATCH_REQUIRE_BROWSER); elsewhere the test is skipped. */
    static void requireChromium() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("1".equals(System.getenv("PARKWATCH_REQUIRE_BROWSER"))) {
            assertThat(present).as("chromium and chromedriver (Debian: chromium chromium-driver)").isTrue();
        }
        Assumptions.assumeTrue(present, "chromium / chromedriver not installed");
        Files.createDirectories(SHOTS);
    }

    /** The demo park's configuration on free loopback ports, its data under {@code tmp}. */
    static Settings standalone(Path tmp) {
        return Settings.load(StandaloneEndToEndIT.ROOT.resolve("config/parkwatch.yaml"), Map.of())
                .with("kafka.data-dir", tmp.resolve("kafka")).with("kafka.port", 0)
                .with("gateway.bind", "127.0.0.1").with("gateway.mqtt-port", 0).with("gateway.hj212.port", 0)
                .with("gateway.metrics-port", 0).with("console.metrics-port", 0)
                .with("console.bind", "127.0.0.1").with("console.http-port", 0)
                .with("job.checkpoint-dir", tmp.resolve("checkpoints"));
    }

    /** The demo park's devices, reporting with one incident. */
    static ParkSimulator simulator(Settings settings, ParkWatchStandalone park, Incident incident, Duration length)
            throws Exception {
        return simulator(settings, park, List.of(incident), length);
    }

    static ParkSimulator simulator(Settings settings, ParkWatchStandalone park, List<Incident> incidents,
            Duration length) throws Exception {
        List<DeviceLogin> logins = new ArrayList<>();
        settings.node("simulator.logins").forEach(n -> logins.add(new DeviceLogin(n.path("enterprise").asText(),
                n.path("username").asText(), n.path("password").asText())));
        SimulationPlan plan = new SimulationPlan("tcp://127.0.0.1:" + park.mqttPort(), logins, incidents,
                length, 1, Duration.ofSeconds(1), 7);
        return new ParkSimulator(park.points(), plan).connect();
    }

    /** Runs the simulation on a thread of its own. */
    static Thread publish(ParkSimulator sim) {
        Thread publisher = new Thread(() -> {
            try {
                sim.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulator");
        publisher.start();
        return publisher;
    }

    /** Logs in on the console's page and waits for the live board. */
    static void logIn(WebDriver browser, int consolePort, String user, String password) {
        browser.get("http://127.0.0.1:" + consolePort + "/");
        ui().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("login-user")).isDisplayed());
        browser.findElement(By.id("login-user")).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        ui().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("view-board")).isDisplayed()
                && browser.findElement(By.id("conn")).getText().equals("实时"));
    }

    /** The board re-renders its rows on every update, so a row found a moment ago may be gone: look again. */
    static org.awaitility.core.ConditionFactory ui() {
        return await().ignoreException(StaleElementReferenceException.class);
    }

    /** Clicks the button of the gas row, finding the row afresh until the click lands. */
    static void clickInGasRow(WebDriver b, String css) {
        ui().atMost(Duration.ofSeconds(10)).until(() -> {
            gasRow(b).get(0).findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    static String gasState(WebDriver b) {
        List<WebElement> rows = gasRow(b);
        return rows.isEmpty() ? "" : rows.get(0).findElement(By.cssSelector(".state")).getText();
    }

    /** Headless Chromium reading Chinese, with any further flags given. */
    static WebDriver chromium(String... flags) {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1500,1000", "--no-first-run", "--disable-background-networking", "--lang=zh-CN");
        o.addArguments(flags);
        o.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, o);
    }

    static List<WebElement> gasRow(WebDriver b) {
        return b.findElements(By.cssSelector("#rows tr[data-point='" + POINT + "'][data-rule='combustible-gas']"));
    }

    static List<WebElement> rowsOf(WebDriver b, String point) {
        return b.findElements(By.cssSelector("#rows tr")).stream().filter(r -> r.getText().contains(point)).toList();
    }

    /**
     * The Latin words a reader sees on the page that are not codes: ids of points, tanks, zones, enterprises and
     * rules, units, user names, the product's name and the language switch's "English". No allow-list of words:
     * the codes come from the park's own files, so a real English word cannot hide among them.
     */
    static Set<String> englishWords(WebDriver b, Set<String> codes) {
        Set<String> out = new TreeSet<>();
        Matcher m = LATIN.matcher((String) js(b, "return document.body.innerText;"));
        while (m.find()) {
            if (!codes.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }

    static final Pattern LATIN = Pattern.compile("[A-Za-z]{2,}");

    static Set<String> codes(ParkWatchStandalone park) throws Exception {
        // the products' names (ParkWatch, the InfluxDB the chart may name), the standards the performance page cites
        // by their designations, the language switch's own name, the command and file the demo-password banner
        // names, and the format of the response figures' export (CSV)
        StringBuilder all = new StringBuilder("ParkWatch InfluxDB ISA-18.2 EEMUA English ./parkwatch hash-password README CSV ");
        // who applied the configuration the rule version names (the operating-system user that started the demo)
        all.append(System.getProperty("user.name")).append(' ');
        for (io.parkwatch.rules.model.Point p : park.points().points()) {
            all.append(' ').append(p.id()).append(' ').append(p.enterpriseId()).append(' ').append(p.tank())
                    .append(' ').append(p.zone()).append(' ').append(p.unit());
        }
        for (String line : Files.readAllLines(StandaloneEndToEndIT.ROOT.resolve("config/rules.yaml"))) {
            if (line.trim().startsWith("- id:")) {
                all.append(' ').append(line.trim().substring(5));
            }
        }
        for (String file : List.of("config/users.yaml", "config/devices.yaml")) { // user and device names
            for (String line : Files.readAllLines(StandaloneEndToEndIT.ROOT.resolve(file))) {
                Matcher name = Pattern.compile("username:\\s*\"?([\\w.-]+)").matcher(line);
                if (name.find()) {
                    all.append(' ').append(name.group(1));
                }
            }
        }
        Set<String> out = new HashSet<>();
        Matcher m = LATIN.matcher(all);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static Object js(WebDriver b, String script) {
        return ((JavascriptExecutor) b).executeScript(script);
    }

    static void shot(WebDriver b, String name) throws Exception {
        Path p = SHOTS.resolve(name);
        Files.write(p, ((TakesScreenshot) b).getScreenshotAs(OutputType.BYTES));
        System.out.println("screenshot: " + p.toAbsolutePath());
    }
}
