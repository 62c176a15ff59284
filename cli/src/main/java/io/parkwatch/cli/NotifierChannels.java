package io.parkwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkwatch.console.notify.Channel;
import io.parkwatch.console.notify.MqttAlertsChannel;
import io.parkwatch.console.notify.NotificationText;
import io.parkwatch.console.notify.SmsChannel;
import io.parkwatch.console.notify.WebhookChannel;
import io.parkwatch.rules.config.ConfigError;
import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.Park;
import io.parkwatch.rules.text.Catalogue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The notifier's channels as configured in the {@code notifier} section of parkwatch.yaml. */
final class NotifierChannels {

    private NotifierChannels() {
    }

    static List<Channel> from(Settings s, Park park) throws Exception {
        return from(s, park, new io.parkwatch.console.notify.Rationales(), e -> null);
    }

    /** With the alarms' rationalization, for what notifications tell people to do. */
    static List<Channel> from(Settings s, Park park, io.parkwatch.console.notify.Rationales rationales,
            java.util.function.Function<io.parkwatch.rules.model.AlertEvent, String> links) throws Exception {
        List<Channel> out = new ArrayList<>();
        NotificationText text = new NotificationText(language(s), park.timeZone(), rationales).withLinks(links);
        int i = 0;
        for (JsonNode w : s.node("notifier.webhooks")) {
            String name = w.path("name").asText("webhook-" + i);
            String url = w.path("url").asText("");
            if (url.isBlank()) {
                throw new ConfigException(new ConfigError("parkwatch.yaml", 0, 0, "notifier.webhooks[" + i + "].url",
                        "is required"));
            }
            WebhookChannel.Format format;
            try {
                format = WebhookChannel.Format.valueOf(w.path("format").asText("json").toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(new ConfigError("parkwatch.yaml", 0, 0, "notifier.webhooks[" + i + "].format",
                        "must be json, dingtalk or wecom"));
            }
            Set<String> enterprises = new LinkedHashSet<>();
            w.path("enterprises").forEach(n -> enterprises.add(n.asText()));
            out.add(new WebhookChannel(name, url, format, enterprises, text));
            i++;
        }
        if (!s.text("notifier.mqtt-url").isEmpty()) {
            out.add(new MqttAlertsChannel(s.text("notifier.mqtt-url"), s.text("notifier.mqtt-username"),
                    s.text("notifier.mqtt-password")));
        }
        if (!s.text("notifier.sms-url").isEmpty()) {
            out.add(new SmsChannel("sms", s.text("notifier.sms-url"), false, text));
        }
        if (!s.text("notifier.voice-url").isEmpty()) {
            out.add(new SmsChannel("voice", s.text("notifier.voice-url"), true, text));
        }
        return out;
    }

    /** {@code notifier.language}: zh-CN (the default) or en. */
    static Catalogue language(Settings s) {
        String tag = s.text("notifier.language", Catalogue.DEFAULT.toLanguageTag());
        for (Locale l : Catalogue.LANGUAGES) {
            if (l.toLanguageTag().equalsIgnoreCase(tag)) {
                return Catalogue.of(l);
            }
        }
        throw new ConfigException(new ConfigError("parkwatch.yaml", 0, 0, "notifier.language",
                "unknown language '" + tag + "' (expected one of "
                        + Catalogue.LANGUAGES.stream().map(Locale::toLanguageTag).toList() + ")"));
    }
}
