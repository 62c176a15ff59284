package io.parkwatch.console.notify;

import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.wire.WireJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The message formats receivers expect: plain JSON, DingTalk and WeCom group robots, a short SMS text. */
final class Messages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.ofHours(8));

    private Messages() {
    }

    static byte[] json(AlertEvent e) {
        return WireJson.write(Map.of("idempotencyKey", e.eventId(), "event", e));
    }

    static String title(AlertEvent e) {
        return "[ParkWatch] " + (e.level() == null ? "" : e.level() + " ") + e.type() + " " + nz(e.pointId());
    }

    static String markdown(AlertEvent e) {
        return "### " + title(e) + "\n\n"
                + "- **" + nz(e.message()) + "**\n"
                + "- enterprise: " + nz(e.enterpriseId()) + (e.tank() == null ? "" : ", unit " + e.tank()) + "\n"
                + "- rule: " + nz(e.ruleId()) + "\n"
                + "- time: " + TIME.format(Instant.ofEpochMilli(e.eventTime())) + " (UTC+8)\n"
                + "- alert: " + e.alertId() + " (event " + e.eventId() + ")\n";
    }

    static byte[] dingTalk(AlertEvent e) {
        return WireJson.write(Map.of("msgtype", "markdown", "markdown", Map.of("title", title(e), "text", markdown(e))));
    }

    static byte[] weCom(AlertEvent e) {
        return WireJson.write(Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown(e))));
    }

    static String sms(AlertEvent e) {
        return "ParkWatch " + (e.level() == null ? "" : e.level() + " ") + nz(e.message()) + " ["
                + TIME.format(Instant.ofEpochMilli(e.eventTime())) + "] alert " + e.alertId().substring(0, 8);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
