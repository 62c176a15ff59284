package io.parkwatch.console.notify;

import io.parkwatch.rules.model.AlertEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * POSTs events to a URL: generic JSON (with the event id as {@code Idempotency-Key}), or the message
 * format of a DingTalk or WeCom group robot. Optionally only some enterprises' events.
 */
public final class WebhookChannel implements Channel {

    public enum Format { JSON, DINGTALK, WECOM }

    private final String name;
    private final NotificationText text;
    private final URI url;
    private final Format format;
    private final Set<String> enterprises;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public WebhookChannel(String name, String url, Format format, Set<String> enterprises) {
        this(name, url, format, enterprises, NotificationText.DEFAULT);
    }

    public WebhookChannel(String name, String url, Format format, Set<String> enterprises, NotificationText text) {
        this.text = text;
        this.name = name;
        this.url = URI.create(url);
        this.format = format;
        this.enterprises = enterprises == null ? Set.of() : Set.copyOf(enterprises);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean forPeople() {
        return format != Format.JSON;
    }

    /** Requests a JSON feed may have open at once (a flood's events; each alert's in order). */
    static final int JSON_LANES = 8;

    /** A JSON feed takes events in parallel; a group robot one at a time (its provider limits messages a minute). */
    @Override
    public int lanes() {
        return format == Format.JSON ? JSON_LANES : 1;
    }

    @Override
    public boolean accepts(AlertEvent e) {
        return !RiskNotices.personal(e)
                && (enterprises.isEmpty() || (e.enterpriseId() != null && enterprises.contains(e.enterpriseId())));
    }

    @Override
    public void deliver(AlertEvent e) throws Exception {
        byte[] body = switch (format) {
            case JSON -> NotificationText.json(e);
            case DINGTALK -> text.dingTalk(e);
            case WECOM -> text.weCom(e);
        };
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", e.eventId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(name + ": HTTP " + r.statusCode() + " " + abbreviate(r.body()));
        }
        // the robots answer 200 with an error code in the body
        if (format != Format.JSON && r.body() != null && r.body().contains("\"errcode\"") && !r.body().matches("(?s).*\"errcode\"\\s*:\\s*0\\b.*")) {
            throw new IllegalStateException(name + ": refused: " + abbreviate(r.body()));
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
