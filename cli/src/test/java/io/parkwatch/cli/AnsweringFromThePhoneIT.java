package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkwatch.console.ConsoleClient;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.net.http.HttpResponse;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * 叫应 from wherever the person is, through the real job and console, with Tencent Cloud SMS and voice standing in
 * on a local port (signatures checked as Tencent checks them). A simulated incident at Huaxin: raised to the control
 * room, reminded, escalated across two tiers, acknowledged by the technical responsible person from the link in
 * their SMS on a phone-sized page in headless Chromium, closed by the duty officer. At Donghai the control room
 * answers by SMS reply with the alert's code; at Xinyuan by pressing 1 on the call. Replies from numbers the alert
 * never called, wrong codes, other keys and callbacks to a wrong address acknowledge nothing; a callback delivered
 * twice acts once. At Huaxin's tank T-102 the DingTalk group's link asks who answers: the control room chooses
 * itself, gets a one-time code by SMS and acknowledges with it. The incident's timeline and the run's response figures are written to
 * {@code target/incident-timeline.txt}.
 */
class AnsweringFromThePhoneIT {

    static final Path ROOT = StandaloneEndToEndIT.ROOT;
    static final String TOKEN = "cb-7f3a9c2e4b1d8f6a0e5c3b7d";
    static final String HUAXIN = "HX-T101-GT1";
    static final String DONGHAI = "DH-V201-GT1";
    static final String XINYUAN = "XY-R301-GT1";
    static final String HUAXIN_T102 = "HX-T102-GT1";
    static final String GAS = "combustible-gas";

    @TempDir
    Path tmp;

    @Test
    void anIncidentIsAnsweredFromAPhonePageAnSmsReplyAndAKeyPress() throws Exception {
        ConsoleBrowserIT.requireChromium();
        Path contacts = tmp.resolve("contacts.yaml");
        Files.writeString(contacts, CONTACTS);
        Map<String, Double> values = new ConcurrentHashMap<>(Map.of(HUAXIN, 3.0, DONGHAI, 2.0, XINYUAN, 2.0,
                HUAXIN_T102, 2.0));
        ScheduledExecutorService detectors = Executors.newSingleThreadScheduledExecutor();
        // the enterprise's DingTalk group: its robot's messages
        List<String> group = new CopyOnWriteArrayList<>();
        HttpServer dingTalk = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dingTalk.createContext("/robot/send", x -> {
            group.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, ok.length);
            x.getResponseBody().write(ok);
            x.close();
        });
        dingTalk.start();
        try (TencentCloudStandIn tencent = new TencentCloudStandIn();
                ParkWatchStandalone park = ParkWatchStandalone.start(tencent.configure(LocalPark.settings(tmp)
                        .with("files.contacts", contacts.toString()).with("notifier.callback-token", TOKEN)
                        .with("console.public-url", "https://park.example")
                        .withValue("notifier.webhooks", List.of(Map.of("name", "huaxin-group", "format", "dingtalk",
                                "url", "http://127.0.0.1:" + dingTalk.getAddress().getPort() + "/robot/send")))), ROOT);
                TopicRecorder events = new TopicRecorder(park.kafkaBootstrap(), Topics.ALERT_EVENTS);
                KafkaProducer<String, byte[]> readings = new KafkaProducer<>(Map.of("bootstrap.servers",
                        park.kafkaBootstrap()), new StringSerializer(), new ByteArraySerializer())) {
            detectors.scheduleAtFixedRate(() -> values.forEach((point, v) -> {
                long now = System.currentTimeMillis();
                readings.send(new ProducerRecord<>(Topics.READINGS, point, ReadingJson.write(
                        new Reading(point, enterprise(point), now, v, Quality.N, now))));
            }), 0, 1, TimeUnit.SECONDS);
            String callbacks = "http://127.0.0.1:" + park.consolePort() + "/callbacks/" + TOKEN;
            ConsoleClient duty = new ConsoleClient(park.consolePort());
            assertThat(duty.login("duty", "duty-demo")).isEqualTo(200);
            long t0 = System.currentTimeMillis();

            // ---- Huaxin: the incident, raised to the control room, reminded, escalated across two tiers
            values.put(HUAXIN, 30.0);
            await().atMost(Duration.ofSeconds(90)).until(() -> of(events, HUAXIN).stream()
                    .filter(e -> e.type() == AlertEventType.ESCALATED).count() >= 2);
            String incident = of(events, HUAXIN).get(0).alertId();
            List<AlertEvent> escalations = of(events, HUAXIN).stream()
                    .filter(e -> e.type() == AlertEventType.ESCALATED).toList();
            assertThat(escalations.get(0).recipients()).extracting(r -> r.personId() + "@" + r.tier())
                    .containsExactly("hx-zhang@operational");
            assertThat(escalations.get(1).recipients()).extracting(r -> r.personId() + "@" + r.tier())
                    .containsExactly("hx-li@technical");
            assertThat(of(events, HUAXIN)).anyMatch(e -> e.type() == AlertEventType.REMINDED
                    && e.recipients().get(0).personId().equals("hx-control"));
            // the technical responsible person's SMS: the park's template filled with the text, the code, the link
            TencentCloudStandIn.Sent toLi = await().atMost(Duration.ofSeconds(30)).until(
                    () -> sentAbout(tencent, "SendSms", escalations.get(1).eventId()), Optional::isPresent).get();
            assertThat(toLi.phone()).isEqualTo("+8613800000102");
            assertThat(toLi.params()).hasSize(3);
            assertThat(toLi.params().get(0)).startsWith("【ParkWatch】一级报警");
            assertThat(toLi.params().get(1)).matches("\\d{6}");
            assertThat(toLi.params().get(2)).startsWith("https://park.example/m/");
            // the operational person was called too (sms and voice are that tier's channels)
            assertThat(sentAbout(tencent, "SendTtsVoice", escalations.get(0).eventId())).get()
                    .extracting(TencentCloudStandIn.Sent::phone).isEqualTo("+8613800000101");

            // acknowledged from the phone: the link of the SMS, on a phone-sized page in headless Chromium
            String link = "http://127.0.0.1:" + park.consolePort()
                    + toLi.params().get(2).substring("https://park.example".length());
            WebDriver phone = phone();
            try {
                phone.get(link);
                assertThat(phone.findElement(By.tagName("body")).getText()).contains("李娜", "张伟");
                long pageWidth = (Long) ((JavascriptExecutor) phone).executeScript(
                        "return document.documentElement.scrollWidth");
                assertThat(((JavascriptExecutor) phone).executeScript("return window.innerWidth")).isEqualTo(390L);
                assertThat(pageWidth).as("fits a phone without scrolling sideways").isLessThanOrEqualTo(390);
                Files.write(ConsoleBrowserIT.SHOTS.resolve("mobile-alert.png"),
                        ((TakesScreenshot) phone).getScreenshotAs(OutputType.BYTES));
                phone.findElement(By.name("comment")).sendKeys("已到现场，正在关闭 T-101 进料阀");
                phone.findElement(By.id("ack")).click();
                await().atMost(Duration.ofSeconds(20)).until(() -> phone.findElement(By.tagName("body")).getText()
                        .contains("已叫应"));
                Files.write(ConsoleBrowserIT.SHOTS.resolve("mobile-acknowledged.png"),
                        ((TakesScreenshot) phone).getScreenshotAs(OutputType.BYTES));
            } finally {
                phone.quit();
            }
            AlertEvent acked = await().atMost(Duration.ofSeconds(10)).until(() -> of(events, HUAXIN).stream()
                    .filter(e -> e.type() == AlertEventType.ACKNOWLEDGED).findFirst(), Optional::isPresent).get();
            assertThat(acked.actor()).isEqualTo("李娜（工艺工程师） (hx-li)");
            assertThat(acked.note()).isEqualTo("已到现场，正在关闭 T-101 进料阀");

            // ---- Donghai: the control room answers by SMS reply with the code
            values.put(DONGHAI, 30.0);
            AlertEvent dhRaised = await().atMost(Duration.ofSeconds(60)).until(() -> of(events, DONGHAI).stream()
                    .filter(e -> e.type() == AlertEventType.RAISED).findFirst(), Optional::isPresent).get();
            TencentCloudStandIn.Sent dhSms = await().atMost(Duration.ofSeconds(30)).until(
                    () -> sentAbout(tencent, "SendSms", dhRaised.eventId()), Optional::isPresent).get();
            String code = dhSms.params().get(1);
            // a wrong address, a number the alert never called, a wrong code: nothing acknowledged
            HttpResponse<String> wrongAddress = tencent.post("http://127.0.0.1:" + park.consolePort()
                    + "/callbacks/not-the-token-at-all-0000000/tencent/sms-reply", Map.of("mobile", "1"));
            assertThat(wrongAddress.statusCode()).isEqualTo(403);
            assertThat(tencent.replyBySms(callbacks, "+8613900009999", code).statusCode()).isEqualTo(200);
            String otherCode = code.equals("000000") ? "000001" : "000000";
            assertThat(tencent.replyBySms(callbacks, dhSms.phone(), otherCode + " 收到").statusCode()).isEqualTo(200);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> of(events, DONGHAI)
                    .stream().noneMatch(e -> e.type() == AlertEventType.ACKNOWLEDGED));
            // the control room's reply, delivered twice by the provider: acknowledged once, with the comment
            HttpResponse<String> reply = tencent.replyBySms(callbacks, dhSms.phone(), code + " 收到，已派人巡检");
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(WireJson.MAPPER.readTree(reply.body()).path("result").asInt()).isZero();
            AlertEvent dhAck = await().atMost(Duration.ofSeconds(15)).until(() -> of(events, DONGHAI).stream()
                    .filter(e -> e.type() == AlertEventType.ACKNOWLEDGED).findFirst(), Optional::isPresent).get();
            assertThat(dhAck.actor()).isEqualTo("东海中控室 (dh-control)");
            assertThat(dhAck.note()).isEqualTo("短信回复叫应：收到，已派人巡检");

            // ---- Xinyuan: the control room presses 2, then 1, on the call
            values.put(XINYUAN, 30.0);
            AlertEvent xyRaised = await().atMost(Duration.ofSeconds(60)).until(() -> of(events, XINYUAN).stream()
                    .filter(e -> e.type() == AlertEventType.RAISED).findFirst(), Optional::isPresent).get();
            TencentCloudStandIn.Sent call = await().atMost(Duration.ofSeconds(30)).until(
                    () -> sentAbout(tencent, "SendTtsVoice", xyRaised.eventId()), Optional::isPresent).get();
            assertThat(call.params().get(0)).startsWith("ParkWatch 一级报警：").endsWith("确认收到请按 1。");
            assertThat(tencent.pressKey(callbacks, call, "2").statusCode()).isEqualTo(200);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> of(events, XINYUAN)
                    .stream().noneMatch(e -> e.type() == AlertEventType.ACKNOWLEDGED));
            assertThat(tencent.pressKey(callbacks, call, "1").statusCode()).isEqualTo(200);
            assertThat(tencent.pressKey(callbacks, call, "1").statusCode()).isEqualTo(200); // the provider's retry
            AlertEvent xyAck = await().atMost(Duration.ofSeconds(15)).until(() -> of(events, XINYUAN).stream()
                    .filter(e -> e.type() == AlertEventType.ACKNOWLEDGED).findFirst(), Optional::isPresent).get();
            assertThat(xyAck.actor()).isEqualTo("新源中控室 (xy-control)");
            assertThat(xyAck.note()).isEqualTo("电话按键叫应");
            // the repeats acted once: one acknowledgement each, nothing refused
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> {
                List<AlertEvent> all = events.records().stream().map(r -> WireJson.alertEvent(r.value())).toList();
                return all.stream().filter(e -> e.type() == AlertEventType.COMMAND_REFUSED).count() == 0
                        && all.stream().filter(e -> e.type() == AlertEventType.ACKNOWLEDGED)
                                .map(AlertEvent::eventId).distinct().count() == 3;
            });

            // ---- Huaxin T-102: the group chat's link asks who answers; a one-time code on that person's phone
            values.put(HUAXIN_T102, 30.0);
            AlertEvent t102 = await().atMost(Duration.ofSeconds(60)).until(() -> of(events, HUAXIN_T102).stream()
                    .filter(e -> e.type() == AlertEventType.RAISED).findFirst(), Optional::isPresent).get();
            String groupLink = await().atMost(Duration.ofSeconds(30)).until(() -> group.stream()
                    .filter(m -> m.contains(t102.alertId())).map(AnsweringFromThePhoneIT::link).flatMap(Optional::stream)
                    .findFirst(), Optional::isPresent).get();
            String page = "http://127.0.0.1:" + park.consolePort() + groupLink.substring("https://park.example".length());
            HttpResponse<String> who = tencent.get(page);
            assertThat(who.statusCode()).isEqualTo(200);
            assertThat(who.body()).contains("谁来叫应", "data-person=\"hx-control\"", "华信中控室", "/#/alert/" + t102.alertId());
            // someone the alert never reached cannot be chosen
            assertThat(tencent.form(page, Map.of("step", "code", "person", "xy-xu")).statusCode()).isEqualTo(403);
            HttpResponse<String> sentCode = tencent.form(page, Map.of("step", "code", "person", "hx-control"));
            assertThat(sentCode.statusCode()).as(sentCode.body()).isEqualTo(200);
            assertThat(sentCode.body()).contains("验证码已发送至");
            TencentCloudStandIn.Sent codeSms = tencent.sent.stream().filter(x -> x.template().equals("2001002"))
                    .findFirst().orElseThrow();
            assertThat(codeSms.phone()).isEqualTo("+8657180000100");
            String otp = codeSms.params().get(0);
            String wrongOtp = otp.equals("000000") ? "000001" : "000000";
            HttpResponse<String> wrong = tencent.form(page, Map.of("step", "ack", "person", "hx-control", "code", wrongOtp));
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(wrong.body()).contains("验证码不正确");
            HttpResponse<String> done = tencent.form(page, Map.of("step", "ack", "person", "hx-control", "code", otp,
                    "comment", "中控室已确认，外操前往 T-102"));
            assertThat(done.body()).contains("已叫应");
            AlertEvent t102Ack = await().atMost(Duration.ofSeconds(15)).until(() -> of(events, HUAXIN_T102).stream()
                    .filter(e -> e.type() == AlertEventType.ACKNOWLEDGED).findFirst(), Optional::isPresent).get();
            assertThat(t102Ack.actor()).isEqualTo("华信中控室 (hx-control)");
            assertThat(t102Ack.note()).isEqualTo("中控室已确认，外操前往 T-102");
            // the code is used up
            assertThat(tencent.form(page, Map.of("step", "ack", "person", "hx-control", "code", otp)).statusCode())
                    .isIn(403, 410);
            assertThat(tencent.refused.get()).as("requests Tencent would have refused").isZero();

            // ---- the incident ends: the gas falls back, the duty officer closes it (消警)
            values.put(HUAXIN, 2.0);
            await().atMost(Duration.ofSeconds(30)).until(() -> of(events, HUAXIN).stream()
                    .anyMatch(e -> e.type() == AlertEventType.RECOVERED));
            ConsoleClient.Response closed = duty.post("/api/alerts/" + incident + "/close",
                    "{\"note\": \"法兰垫片更换完毕，复测 0 %LEL\"}");
            assertThat(closed.status()).as(closed.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> of(events, HUAXIN).stream()
                    .anyMatch(e -> e.type() == AlertEventType.CLOSED));
            JsonNode figures = duty.json("/api/kpi/response?from=" + (t0 - 60_000) + "&to=" + (System.currentTimeMillis()
                    + 60_000));
            assertThat(figures.path("park").path("reached").asInt()).isGreaterThanOrEqualTo(3);
            writeTimeline(of(events, HUAXIN), figures);
        } finally {
            detectors.shutdownNow();
            dingTalk.stop(0);
        }
    }

    /** The "who answers" link in a group robot's markdown. */
    static Optional<String> link(String markdown) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((https://park\\.example/m/[^)\\\\]+)\\)")
                .matcher(markdown);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Headless Chromium as a phone: a 390 x 844 screen at three device pixels per CSS pixel, touch, a phone's agent. */
    static WebDriver phone() {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(ConsoleBrowserIT.CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--lang=zh-CN");
        o.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of("width", 390, "height", 844,
                "pixelRatio", 3.0, "touch", true), "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) "
                        + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"));
        o.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(
                ConsoleBrowserIT.CHROMEDRIVER.toFile()).usingAnyFreePort().build(), o);
    }

    /** The message or call the stand-in took for this event. */
    static Optional<TencentCloudStandIn.Sent> sentAbout(TencentCloudStandIn t, String action, String eventId) {
        return t.sent.stream().filter(s -> s.action().equals(action) && s.eventId().equals(eventId)).findFirst();
    }

    static String enterprise(String point) {
        return point.startsWith("HX") ? "ent-huaxin" : point.startsWith("DH") ? "ent-donghai" : "ent-xinyuan";
    }

    /** The combustible-gas alarm's events at this point, once each, in order. */
    static List<AlertEvent> of(TopicRecorder r, String point) {
        Map<String, AlertEvent> byId = new LinkedHashMap<>();
        r.records().forEach(rec -> {
            AlertEvent e = WireJson.alertEvent(rec.value());
            if (point.equals(e.pointId()) && GAS.equals(e.ruleId())) {
                byId.putIfAbsent(e.eventId(), e);
            }
        });
        return List.copyOf(byId.values());
    }

    /** The incident as it came out of parkwatch.alert-events, and the run's response figures, for the record. */
    static void writeTimeline(List<AlertEvent> incident, JsonNode figures) throws Exception {
        DateTimeFormatter t = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
        long start = incident.get(0).eventTime();
        String lines = incident.stream().map(e -> String.format("%s  +%3ds  %-13s %-32s %s%s", t.format(
                Instant.ofEpochMilli(e.eventTime())), (e.eventTime() - start) / 1000, e.type(), e.actor(),
                e.recipients().stream().map(r -> r.personId() + "@" + r.tier()).collect(Collectors.joining(",")),
                e.note() == null ? "" : "  note: " + e.note())).collect(Collectors.joining("\n"));
        Path out = StandaloneEndToEndIT.ROOT.resolve("cli/target/incident-timeline.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, lines + "\n\nresponse figures:\n" + figures.toPrettyString() + "\n");
        System.out.println(lines);
    }

    static final String CONTACTS = """
            people:
              - { id: hx-control, name: "华信中控室", phone: "+86 0571 8000 0100" }
              - { id: hx-zhang, name: "张伟（值班长）", phone: "+86 138 0000 0101" }
              - { id: hx-li, name: "李娜（工艺工程师）", phone: "+86 138 0000 0102" }
              - { id: hx-zhao, name: "赵刚（厂长）", phone: "+86 138 0000 0103" }
              - { id: dh-control, name: "东海中控室", phone: "+86 0571 8000 0200" }
              - { id: dh-chen, name: "陈杰（值班长）", phone: "+86 138 0000 0201" }
              - { id: dh-wu, name: "吴敏（安全工程师）", phone: "+86 138 0000 0202" }
              - { id: dh-sun, name: "孙浩（总经理）", phone: "+86 138 0000 0203" }
              - { id: xy-control, name: "新源中控室", phone: "+86 0571 8000 0300" }
              - { id: xy-zhou, name: "周琳（值班长）", phone: "+86 138 0000 0301" }
              - { id: xy-xu, name: "徐强（工艺工程师）", phone: "+86 138 0000 0302" }
              - { id: xy-ma, name: "马丽（厂长）", phone: "+86 138 0000 0303" }
            enterprises:
              - { enterprise: ent-huaxin, control-room: hx-control, operational: hx-zhang, technical: hx-li, principal: hx-zhao }
              - { enterprise: ent-donghai, control-room: dh-control, operational: dh-chen, technical: dh-wu, principal: dh-sun }
              - { enterprise: ent-xinyuan, control-room: xy-control, operational: xy-zhou, technical: xy-xu, principal: xy-ma }
            tiers:
              - { id: control-room, name: 企业中控室, reach: { responsible: control-room },
                  acknowledge-within: { warn: 20s, alarm: 20s, critical: 20s }, remind-every: { alarm: 8s } }
              - { id: operational, name: 操作负责人, reach: { responsible: operational },
                  acknowledge-within: { warn: 20s, alarm: 20s, critical: 20s }, channels: [sms, voice] }
              - { id: technical, name: 技术负责人, reach: { responsible: technical },
                  acknowledge-within: { warn: 5m, alarm: 5m, critical: 5m }, channels: [sms] }
            """;
}
