package io.parkwatch.console.notify;

import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.wire.WireJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text messages or voice calls through an SMS provider's HTTP API, to the person an unanswered alert
 * has just been escalated to: {@code {"to":..,"text":..,"kind":"sms|voice","idempotencyKey":..}}.
 */
public final class SmsChannel implements Channel {

    private static final Pattern PHONE = Pattern.compile(",\\s*([^,()]+)\\)$");

    private final String name;
    private final NotificationText text;
    private final URI url;
    private final boolean voice;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SmsChannel(String name, String url, boolean voice) {
        this(name, url, voice, NotificationText.DEFAULT);
    }

    public SmsChannel(String name, String url, boolean voice, NotificationText text) {
        this.text = text;
        this.name = name;
        this.url = URI.create(url);
        this.voice = voice;
    }

    @Override
    public String name() {
        return name;
    }

    /** Escalations to someone with a phone number. */
    @Override
    public boolean accepts(AlertEvent e) {
        return e.type() == AlertEventType.ESCALATED && phone(e) != null;
    }

    static String phone(AlertEvent e) {
        if (e.note() == null) {
            return null;
        }
        Matcher m = PHONE.matcher(e.note());
        return m.find() ? m.group(1).trim() : null;
    }

    @Override
    public void deliver(AlertEvent e) throws Exception {
        byte[] body = WireJson.write(Map.of("to", phone(e), "text", text.sms(e), "kind", voice ? "voice" : "sms",
                "idempotencyKey", e.eventId()));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Idempotency-Key", e.eventId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(name + ": HTTP " + r.statusCode());
        }
    }
}
