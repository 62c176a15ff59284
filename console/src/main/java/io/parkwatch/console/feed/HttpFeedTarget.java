package io.parkwatch.console.feed;

import io.parkwatch.rules.wire.WireJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs each message as JSON to the platform's address, with its id as {@code Idempotency-Key} and, when a token is
 * configured, {@code Authorization: Bearer}; taken on a 2xx answer within the time limit.
 */
public final class HttpFeedTarget implements FeedTarget {

    private final URI url;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;

    public HttpFeedTarget(String url, String token, Duration timeout) {
        this.url = URI.create(url);
        this.token = token == null || token.isBlank() ? null : token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "http " + url.getHost();
    }

    @Override
    public void send(FeedMessage m) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8").header("Idempotency-Key", m.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(WireJson.write(m)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<Void> r = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("the platform answered " + r.statusCode());
        }
    }
}
