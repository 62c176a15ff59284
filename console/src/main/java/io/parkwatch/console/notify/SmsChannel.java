package io.parkwatch.console.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.wire.WireJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Text messages or voice calls through a provider's HTTP API in ParkWatch's generic JSON form, to the person an
 * alert calls: {@code {"to":..,"text":..,"kind":"sms|voice","personId":..,"replyCode":..,"idempotencyKey":..}}. The
 * person and the phone are the event's recipient (a tier that names its channels is reached only by those); events
 * of earlier versions name them only in the note, where the phone is read from. A voice provider that answers with
 * {@code {"callId":..}} can report key presses for that call (see {@code docs/console-api.md}).
 */
public final class SmsChannel implements Channel, TextSender {

    private final String name;
    private final NotificationText text;
    private final URI url;
    private final boolean voice;
    private final VoiceCalls calls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SmsChannel(String name, String url, boolean voice) {
        this(name, url, voice, NotificationText.DEFAULT, new VoiceCalls());
    }

    public SmsChannel(String name, String url, boolean voice, NotificationText text, VoiceCalls calls) {
        this.text = text;
        this.name = name;
        this.url = URI.create(url);
        this.voice = voice;
        this.calls = calls;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean accepts(AlertEvent e) {
        return PhoneCalls.calls(e, voice ? "voice" : "sms");
    }

    @Override
    public void deliver(AlertEvent e) throws Exception {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("to", PhoneCalls.phone(e));
        message.put("text", voice ? text.voice(e) : text.sms(e));
        message.put("kind", voice ? "voice" : "sms");
        PhoneCalls.recipient(e).ifPresent(r -> message.put("personId", r.personId()));
        String code = text.replyCode(e);
        if (code != null && !voice) {
            message.put("replyCode", code);
        }
        message.put("idempotencyKey", e.eventId());
        byte[] body = WireJson.write(message);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Idempotency-Key", e.eventId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(name + ": HTTP " + r.statusCode());
        }
        if (voice) {
            calls.placed(callId(r.body()), e);
        }
    }

    /** A one-time code, in the same form: {@code {"to","text","kind":"code","code"}}. */
    @Override
    public void sendCode(String phone, String code, String message) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("to", phone);
        m.put("text", message);
        m.put("kind", "code");
        m.put("code", code);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(
                        WireJson.write(m))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(name + ": HTTP " + r.statusCode());
        }
    }

    private static String callId(String body) {
        try {
            JsonNode n = WireJson.MAPPER.readTree(body);
            return n.path("callId").isTextual() ? n.path("callId").asText() : null;
        } catch (java.io.IOException | RuntimeException notJson) {
            return null;
        }
    }
}
