package io.parkwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkwatch.console.notify.Channel;
import io.parkwatch.console.notify.MqttAlertsChannel;
import io.parkwatch.console.notify.NotificationText;
import io.parkwatch.console.notify.SmsChannel;
import io.parkwatch.console.notify.VoiceCalls;
import io.parkwatch.console.notify.WebhookChannel;
import io.parkwatch.console.notify.tencent.TencentCloudApi;
import io.parkwatch.console.notify.tencent.TencentSmsChannel;
import io.parkwatch.console.notify.tencent.TencentVoiceChannel;
import java.net.URI;
import java.time.Clock;
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
        return from(s, park, new io.parkwatch.console.notify.Rationales(), e -> null, e -> null, e -> null,
                new VoiceCalls());
    }

    /** With the alarms' rationalization, for what notifications tell people to do. */
    static List<Channel> from(Settings s, Park park, io.parkwatch.console.notify.Rationales rationales,
            java.util.function.Function<io.parkwatch.rules.model.AlertEvent, String> links,
            java.util.function.Function<io.parkwatch.rules.model.AlertEvent, String> replyCodes,
            java.util.function.Function<io.parkwatch.rules.model.AlertEvent, String> groupLinks, VoiceCalls calls)
            throws Exception {
        List<Channel> out = new ArrayList<>();
        NotificationText text = new NotificationText(language(s), park.timeZone(), rationales)
                .withLinks(links, replyCodes).withGroupLinks(groupLinks);
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
        boolean tencentSms = !s.text("notifier.tencent.sms-app-id", "").isEmpty();
        boolean tencentVoice = !s.text("notifier.tencent.voice-app-id", "").isEmpty();
        if (tencentSms) {
            out.add(new TencentSmsChannel(tencent(s, "sms"), new TencentSmsChannel.Template(
                    s.text("notifier.tencent.sms-app-id"), s.text("notifier.tencent.sms-sign"),
                    required(s, "notifier.tencent.sms-template"), templateParams(s),
                    s.text("notifier.tencent.sms-code-template", "")), text));
        } else if (!s.text("notifier.sms-url").isEmpty()) {
            out.add(new SmsChannel("sms", s.text("notifier.sms-url"), false, text, calls));
        }
        if (tencentVoice) {
            out.add(new TencentVoiceChannel(tencent(s, "vms"), new TencentVoiceChannel.Template(
                    s.text("notifier.tencent.voice-app-id"), required(s, "notifier.tencent.voice-template"),
                    s.integer("notifier.tencent.voice-play-times")), text, calls));
        } else if (!s.text("notifier.voice-url").isEmpty()) {
            out.add(new SmsChannel("voice", s.text("notifier.voice-url"), true, text, calls));
        }
        return out;
    }

    /** Tencent Cloud's SMS ("sms") or voice ("vms") API with the park's credentials. */
    private static TencentCloudApi tencent(Settings s, String service) {
        String endpoint = s.text("notifier.tencent." + service + "-endpoint");
        return new TencentCloudApi(URI.create(endpoint), service, service.equals("sms") ? "2021-01-11" : "2020-09-02",
                s.text("notifier.tencent.region"), required(s, "notifier.tencent.secret-id"),
                required(s, "notifier.tencent.secret-key"), Clock.systemUTC());
    }

    private static List<String> templateParams(Settings s) {
        List<String> params = new ArrayList<>();
        int i = 0;
        for (JsonNode n : s.node("notifier.tencent.sms-template-params")) {
            if (!NotificationText.PARTS.contains(n.asText())) {
                throw new ConfigException(new ConfigError("parkwatch.yaml", 0, 0,
                        "notifier.tencent.sms-template-params[" + i + "]", "unknown part '" + n.asText()
                                + "' (expected one of " + NotificationText.PARTS + ")"));
            }
            params.add(n.asText());
            i++;
        }
        return params;
    }

    private static String required(Settings s, String key) {
        String v = s.text(key, "");
        if (v.isBlank()) {
            throw new ConfigException(new ConfigError("parkwatch.yaml", 0, 0, key, "is required"));
        }
        return v;
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
