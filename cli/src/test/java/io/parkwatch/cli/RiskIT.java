package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.parkwatch.console.ConsoleClient;
import io.parkwatch.console.feed.FeedSchema;
import io.parkwatch.embeddedkafka.TopicRecorder;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.risk.RiskWarning;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live risk through the real job and console, with a model whose times are short (an alarm unanswered for 4 s
 * counts, the commitment is due at midnight so it is missing from the start): every enterprise starts from its major
 * hazard sources and the missing commitment; a rise is pushed to the tiers the contacts file names (Tencent SMS and
 * voice, checked for their signatures) and to the enterprise's DingTalk group; Huaxin's commitment declares its tank
 * farm in turnaround, which sets the units' mode, and the reasons change; Donghai's pressure alarm unanswered takes it
 * to orange, answering it brings it back to yellow; each operator sees only their own enterprise.
 */
class RiskIT {

    @TempDir
    Path tmp;

    @Test
    void colourChangesAreWarnedWithTheirReasonsAndTheCommitmentSetsTheModes() throws Exception {
        ConsoleBrowserIT.requireChromium();
        Path model = tmp.resolve("risk.yaml");
        Files.writeString(model, Files.readString(StandaloneEndToEndIT.ROOT.resolve("config/risk.yaml"))
                .replace("- { after: 5m, add: 5 }", "- { after: 4s, add: 15 }")
                .replace("    - { after: 15m, add: 15 }\n", "").replace("    - { after: 30m, add: 30 }\n", "")
                .replace("due: \"09:00\"", "due: \"00:00\"").replace("evaluate-every: 30s", "evaluate-every: 1s"));
        List<String> toGroup = new CopyOnWriteArrayList<>();
        HttpServer dingTalk = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dingTalk.createContext("/robot/send", x -> {
            toGroup.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, ok.length);
            x.getResponseBody().write(ok);
            x.close();
        });
        dingTalk.start();
        // the provincial platform's feed receiver
        List<JsonNode> feed = new CopyOnWriteArrayList<>();
        HttpServer province = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        province.createContext("/feed", x -> {
            JsonNode m = WireJson.MAPPER.readTree(x.getRequestBody().readAllBytes());
            assertThat(x.getRequestHeaders().getFirst("Idempotency-Key")).isEqualTo(m.path("id").asText());
            assertThat(x.getRequestHeaders().getFirst("Authorization")).isEqualTo("Bearer province-token");
            feed.add(m);
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        province.start();
        Map<String, Double> values = new ConcurrentHashMap<>(Map.of("DH-V201-PT", 0.8));
        ScheduledExecutorService sphere = Executors.newSingleThreadScheduledExecutor();
        try (TencentCloudStandIn tencent = new TencentCloudStandIn();
                ParkWatchStandalone park = ParkWatchStandalone.start(tencent.configure(LocalPark.settings(tmp))
                        .with("files.risk", model.toString())
                        .with("feed.push-url", "http://127.0.0.1:" + province.getAddress().getPort() + "/feed")
                        .with("feed.push-token", "province-token")
                        .withValue("notifier.webhooks", List.of(Map.of("name", "donghai-group", "format", "dingtalk",
                                "url", "http://127.0.0.1:" + dingTalk.getAddress().getPort() + "/robot/send",
                                "enterprises", List.of("ent-donghai")))),
                        StandaloneEndToEndIT.ROOT);
                TopicRecorder warnings = new TopicRecorder(park.kafkaBootstrap(), Topics.RISK_WARNINGS);
                TopicRecorder events = new TopicRecorder(park.kafkaBootstrap(), Topics.ALERT_EVENTS);
                KafkaProducer<String, byte[]> readings = new KafkaProducer<>(Map.of("bootstrap.servers",
                        park.kafkaBootstrap()), new StringSerializer(), new ByteArraySerializer())) {
            sphere.scheduleAtFixedRate(() -> values.forEach((point, v) -> {
                long now = System.currentTimeMillis();
                readings.send(new ProducerRecord<>(Topics.READINGS, point, ReadingJson.write(
                        new Reading(point, "ent-donghai", now, v, Quality.N, now))));
            }), 0, 1, TimeUnit.SECONDS);
            ConsoleClient duty = new ConsoleClient(park.consolePort());
            assertThat(duty.login("duty", "duty-demo")).isEqualTo(200);
            ConsoleClient huaxin = new ConsoleClient(park.consolePort());
            assertThat(huaxin.login("huaxin", "huaxin-demo")).isEqualTo(200);
            ConsoleClient donghai = new ConsoleClient(park.consolePort());
            assertThat(donghai.login("donghai", "donghai-demo")).isEqualTo(200);

            // from the start: the grade-3 tank farm (12) and the missing commitment (20) make Huaxin yellow
            JsonNode hx = await().atMost(Duration.ofSeconds(60)).until(() -> enterprise(duty, "ent-huaxin"),
                    n -> n != null && "yellow".equals(n.path("colour").asText()));
            assertThat(hx.path("score").asDouble()).isEqualTo(32.0);
            assertThat(causes(hx)).containsExactly("commitment-missing", "hazard-source");
            assertThat(hx.path("reasons").get(0).path("text").asText()).isEqualTo("今日安全承诺未在 00:00 前提交");
            assertThat(enterprise(duty, "ent-xinyuan").path("colour").asText()).as("grade 4 + 20").isEqualTo("blue");
            // the rise reached Huaxin's control room, its principal (SMS and voice) and the park's duty officer
            await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(tencent, "SendSms", "risk-ent-huaxin-1")
                    .containsAll(List.of("+8657180000100", "+8613800000103")) && sentTo(tencent, "SendSms",
                    "risk-ent-huaxin-1").size() == 3);
            // by voice: the control room (its tier names no channel) and the principal (SMS and voice), not the park
            await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(tencent, "SendTtsVoice", "risk-ent-huaxin-1")
                    .size() == 2);
            assertThat(sentTo(tencent, "SendTtsVoice", "risk-ent-huaxin-1")).containsExactlyInAnyOrder(
                    "+8657180000100", "+8613800000103");
            TencentCloudStandIn.Sent sms = tencent.sent.stream().filter(s -> s.action().equals("SendSms")
                    && s.eventId().equals("risk-ent-huaxin-1|hx-zhao")).findFirst().orElseThrow();
            assertThat(sms.params().get(0)).startsWith("【ParkWatch】【风险预警】华信石化（芳烃罐区） 风险等级由低风险（蓝）升为"
                    + "一般风险（黄）（32 分），主要原因：未按时安全承诺、重大危险源").doesNotContain("报警编号");
            assertThat(tencent.refused.get()).isZero();
            // Xinyuan stays blue, but is told its commitment is missing (once today), as is every enterprise
            String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
            await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(tencent, "SendSms", "commitment-ent-xinyuan-"
                    + today).contains("+8657180000300"));
            assertThat(tencent.sent.stream().filter(x -> x.eventId().startsWith("commitment-ent-xinyuan-")).findFirst()
                    .orElseThrow().params().get(0)).contains("【安全承诺提醒】新源精细化工（反应装置） 今日安全承诺未在 00:00 前提交");
            // Donghai's group was told of Donghai's rise, and of nothing of Huaxin's
            await().atMost(Duration.ofSeconds(30)).until(() -> toGroup.stream().anyMatch(t -> t.contains("风险预警")
                    && t.contains("东海燃气")) && toGroup.stream().anyMatch(t -> t.contains("安全承诺提醒")));
            assertThat(toGroup).noneMatch(t -> t.contains("华信"));

            // Huaxin commits: its tank farm in turnaround today, hot work planned
            assertThat(huaxin.post("/api/commitments", "{\"hazardSources\": {}, \"onDuty\": [\"张伟\"]}").json()
                    .path("error").asText()).contains("HS-HX-01");
            assertThat(donghai.post("/api/commitments", "{\"enterprise\": \"ent-huaxin\", \"hazardSources\": "
                    + "{\"HS-HX-01\": \"running\"}, \"onDuty\": [\"x\"]}").status()).isEqualTo(403);
            ConsoleClient.Response made = huaxin.post("/api/commitments", "{\"hazardSources\": {\"HS-HX-01\": "
                    + "\"turnaround\"}, \"specialOperations\": [\"hot-work\"], \"onDuty\": [\"张伟\", \"李娜\"]}");
            assertThat(made.status()).as(made.body()).isEqualTo(200);
            JsonNode mine = made.json().path("enterprises").get(0);
            assertThat(mine.path("missing").asBoolean()).isFalse();
            assertThat(mine.path("commitment").path("onDuty").toString()).contains("张伟", "李娜");
            // the declared state set the units' mode, in the submitter's name
            JsonNode modes = huaxin.json("/api/operations").path("modes");
            List<String> t101 = new ArrayList<>();
            modes.forEach(m -> {
                if ("T-101".equals(m.path("subject").asText())) {
                    t101.add(m.path("mode").asText() + "|" + m.path("by").asText());
                }
            });
            assertThat(t101).containsExactly("turnaround|huaxin");
            assertThat(duty.json("/api/commitments").path("enterprises").findValuesAsText("missing"))
                    .containsExactly("false", "true", "true");
            // its risk now: the tank farm, the turnaround and the hot work; the commitment no longer missing
            JsonNode after = await().atMost(Duration.ofSeconds(30)).until(() -> enterprise(duty, "ent-huaxin"),
                    n -> n != null && causes(n).contains("mode"));
            // (due at midnight, so it came late: 5 for the rest of the day)
            assertThat(causes(after)).containsExactly("mode", "hazard-source", "special-operation", "commitment-late");
            assertThat(after.path("score").asDouble()).isEqualTo(47.0);
            // the commitment and the modes it set were taken together: no colour that never really was
            assertThat(warnings.records().stream().map(r -> WireJson.read(r.value(), RiskWarning.class))
                    .filter(w -> w.level().subject().equals("ent-huaxin") && w.kind().equals(RiskWarning.COLOUR))
                    .toList()).hasSize(1);

            // Donghai's sphere over pressure: an alarm, unanswered for 4 s, takes it to orange
            values.put("DH-V201-PT", 1.5);
            AlertEvent alarm = await().atMost(Duration.ofSeconds(30)).until(() -> events.records().stream()
                    .map(r -> WireJson.alertEvent(r.value())).filter(e -> "DH-V201-PT".equals(e.pointId())
                            && e.level() == Level.ALARM).findFirst().orElse(null), e -> e != null);
            RiskWarning orange = await().atMost(Duration.ofSeconds(30)).until(() -> warning(warnings, "ent-donghai",
                    "ORANGE"), w -> w != null);
            assertThat(orange.rising()).isTrue();
            assertThat(orange.level().reasons()).extracting(r -> r.cause()).contains("unanswered", "alarm");
            // answered: back to yellow (below 60 - 5), a fall that groups hear of and phones do not
            assertThat(donghai.post("/api/alerts/" + alarm.alertId() + "/ack", "{\"note\": \"已启动喷淋\"}").status())
                    .isEqualTo(200);
            RiskWarning fall = await().atMost(Duration.ofSeconds(30)).until(() -> warning(warnings, "ent-donghai",
                    "YELLOW", orange.seq()), w -> w != null);
            assertThat(fall.rising()).isFalse();
            assertThat(fall.recipients()).isEmpty();
            await().atMost(Duration.ofSeconds(30)).until(() -> toGroup.stream().anyMatch(t -> t.contains("降为")));
            assertThat(sentTo(tencent, "SendSms", fall.warningId())).isEmpty();

            // each operator sees only their own enterprise, and the park's colour without its reasons
            JsonNode seen = donghai.json("/api/risk");
            assertThat(seen.path("enterprises").findValuesAsText("enterprise")).containsExactly("ent-donghai");
            assertThat(seen.path("park").path("colour").asText()).isNotEmpty();
            assertThat(seen.path("park").has("reasons")).isFalse();
            assertThat(seen.path("warnings").findValuesAsText("subject")).doesNotContain("ent-huaxin", "ent-xinyuan");
            assertThat(duty.json("/api/risk").path("park").path("reasons").size()).isPositive();

            // the platform got the levels, the warnings and the alarm's changes, each valid against the schema
            await().atMost(Duration.ofSeconds(30)).until(() -> feed.stream().anyMatch(m -> m.path("type").asText()
                    .equals("alarm") && m.path("data").path("event").asText().equals("ACKNOWLEDGED")));
            await().atMost(Duration.ofSeconds(30)).until(() -> feed.stream().anyMatch(m -> m.path("id").asText()
                    .equals(fall.warningId())));
            assertThat(feed).allSatisfy(m -> assertThat(FeedSchema.problems(m)).as(m.toString()).isEmpty());
            assertThat(feed.stream().filter(m -> m.path("type").asText().equals("risk-warning"))
                    .map(m -> m.path("id").asText()).distinct()).contains("risk-ent-huaxin-1", orange.warningId());
            JsonNode acked = feed.stream().filter(m -> m.path("data").path("event").asText().equals("ACKNOWLEDGED"))
                    .findFirst().orElseThrow();
            assertThat(acked.path("enterprise").asText()).isEqualTo("ent-donghai");
            assertThat(acked.path("data").path("acknowledgedBy").asText()).isEqualTo("donghai");
            assertThat(feed.stream().filter(m -> m.path("type").asText().equals("risk-level"))
                    .map(m -> m.path("data").path("subject").asText())).contains("ent-huaxin", "ent-donghai", "park");
            // and pulls the same, each operator only their own
            JsonNode pulled = duty.json("/api/feed").path("messages");
            assertThat(pulled.size()).isPositive();
            pulled.forEach(m -> assertThat(FeedSchema.problems(m)).as(m.toString()).isEmpty());
            assertThat(donghai.json("/api/feed").toString()).doesNotContain("\"ent-huaxin\"");

            // the duty officer's risk page: colours, reasons, warnings, who has committed
            WebDriver browser = ConsoleBrowserIT.chromium();
            try {
                ConsoleBrowserIT.logIn(browser, park.consolePort(), "duty", "duty-demo");
                browser.get("http://127.0.0.1:" + park.consolePort() + "/#/risk");
                ConsoleBrowserIT.ui().atMost(Duration.ofSeconds(15)).until(() -> browser.findElements(
                        By.cssSelector("tr[data-enterprise='ent-huaxin'] .risk-badge.risk-yellow")).size() == 1);
                assertThat(browser.findElement(By.cssSelector("tr[data-enterprise='ent-huaxin']")).getText())
                        .contains("一般风险（黄）", "华信芳烃罐区", "大检修");
                assertThat(browser.findElement(By.id("risk-warnings")).getText()).contains("风险预警");
                assertThat(browser.findElement(By.cssSelector("article.commitment[data-enterprise='ent-huaxin']"))
                        .getText()).contains("已承诺");
                assertThat(browser.findElement(By.cssSelector("article.commitment[data-enterprise='ent-xinyuan']"))
                        .getText()).contains("未按时承诺");
                Files.createDirectories(ConsoleBrowserIT.SHOTS);
                Files.write(ConsoleBrowserIT.SHOTS.resolve("risk.png"),
                        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                // the park map shows each enterprise's colour on its area
                browser.get("http://127.0.0.1:" + park.consolePort() + "/#/map");
                ConsoleBrowserIT.ui().atMost(Duration.ofSeconds(15)).until(() -> browser.findElements(
                        By.cssSelector("g.area[data-enterprise='ent-huaxin'][data-risk='yellow'] .risk-tag")).size() == 1);
                assertThat(browser.findElement(By.cssSelector("g.area[data-enterprise='ent-xinyuan']"))
                        .getAttribute("data-risk")).isEqualTo("blue");
                Files.write(ConsoleBrowserIT.SHOTS.resolve("risk-map.png"),
                        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            } finally {
                browser.quit();
            }
        } finally {
            sphere.shutdownNow();
            dingTalk.stop(0);
            province.stop(0);
        }
    }

    static JsonNode enterprise(ConsoleClient c, String id) throws Exception {
        for (JsonNode e : c.json("/api/risk").path("enterprises")) {
            if (id.equals(e.path("enterprise").asText())) {
                return e;
            }
        }
        return null;
    }

    static List<String> causes(JsonNode level) {
        List<String> out = new ArrayList<>();
        level.path("reasons").forEach(r -> {
            if (!out.contains(r.path("cause").asText())) {
                out.add(r.path("cause").asText());
            }
        });
        return out;
    }

    /** The numbers a provider's action was sent to about a warning (its per-person events). */
    static List<String> sentTo(TencentCloudStandIn t, String action, String warningId) {
        return t.sent.stream().filter(s -> s.action().equals(action) && s.eventId().startsWith(warningId + "|"))
                .map(TencentCloudStandIn.Sent::phone).distinct().toList();
    }

    static RiskWarning warning(TopicRecorder warnings, String subject, String colour) {
        return warning(warnings, subject, colour, 0);
    }

    static RiskWarning warning(TopicRecorder warnings, String subject, String colour, int after) {
        return warnings.records().stream().map(r -> WireJson.read(r.value(), RiskWarning.class))
                .filter(w -> w.kind().equals(RiskWarning.COLOUR) && w.level().subject().equals(subject)
                        && w.level().colour().name().equals(colour) && w.seq() > after).findFirst().orElse(null);
    }
}
