package io.parkwatch.console.notify;

import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Recipient;
import java.util.LinkedHashMap;
import java.util.Optional;
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
 * Text messages or voice calls through an SMS provider's HTTP API, to the person an unanswered alert has just been
 * escalated to, reminded of or handed over to: {@code {"to":..,"text":..,"kind":"sms|voice","personId":..,
 * "idempotencyKey":..}}. The person and the phone are the event's recipient (a tier that names its channels is
 * reached only by those); events of earlier versions name them only in the note, where the phone is read from.
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

    /** Calls to a person (escalated to, reminded, handed over to) with a phone number, by a channel that reaches them. */
    @Override
    public boolean accepts(AlertEvent e) {
        boolean call = e.type() == AlertEventType.ESCALATED || e.type() == AlertEventType.REMINDED
                || e.type() == AlertEventType.HANDED_OVER
                // a raise or a repeat calls the first tier, when it names whom (earlier events did not)
                || ((e.type() == AlertEventType.RAISED || e.type() == AlertEventType.REPEATED) && !e.recipients().isEmpty());
        return call && recipient(e).map(r -> r.reachedBy(voice ? "voice" : "sms")).orElse(true) && phone(e) != null;
    }

    private static Optional<Recipient> recipient(AlertEvent e) {
        return e.recipients().stream().filter(r -> r.phone() != null).findFirst();
    }

    static String phone(AlertEvent e) {
        Optional<Recipient> r = recipient(e);
        if (r.isPresent()) {
            return r.get().phone();
        }
        if (e.note() == null) {
            return null;
        }
        Matcher m = PHONE.matcher(e.note());
        return m.find() ? m.group(1).trim() : null;
    }

    @Override
    public void deliver(AlertEvent e) throws Exception {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("to", phone(e));
        message.put("text", text.sms(e));
        message.put("kind", voice ? "voice" : "sms");
        recipient(e).ifPresent(r -> message.put("personId", r.personId()));
        message.put("idempotencyKey", e.eventId());
        byte[] body = WireJson.write(message);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Idempotency-Key", e.eventId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(name + ": HTTP " + r.statusCode());
        }
    }
}
