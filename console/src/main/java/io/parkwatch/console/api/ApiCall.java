package io.parkwatch.console.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.parkwatch.rules.wire.WireJson;
import java.io.IOException;
import io.parkwatch.console.auth.Session;
import io.parkwatch.console.auth.ConsoleUser;
import io.parkwatch.rules.text.Catalogue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * One API request, already authenticated: who asks, the path's parameters, the query and the body.
 * Free of any HTTP library, so endpoints are plain code.
 */
public record ApiCall(Session session, Map<String, String> path, Map<String, List<String>> query, byte[] body,
        Catalogue language) {

    public ConsoleUser user() {
        return session.user();
    }

    /** The sentences for this reply: in the reader's language (the {@code lang} parameter, else the user's, ...). */
    public Catalogue catalogue() {
        return language;
    }

    public String pathParam(String name) {
        return path.get(name);
    }

    public List<String> params(String name) {
        return query.getOrDefault(name, List.of());
    }

    /**
     * The body read as a JSON object of {@code type}; {@code whenAbsent} when there is no body, refused when that
     * is null. Anything else (not JSON, not such an object, the JSON {@code null}, something after the object) is
     * refused with what was wrong.
     */
    public <T> T json(Class<T> type, T whenAbsent) {
        if (body == null || body.length == 0) {
            if (whenAbsent == null) {
                throw ApiException.badRequest("api.command-body", "empty");
            }
            return whenAbsent;
        }
        T read;
        try { // one JSON value and nothing after it: a browser's body is not trusted to end where it should
            read = WireJson.MAPPER.readerFor(type).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(body);
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("api.command-body", e.getMessage());
        }
        if (read == null) {
            throw ApiException.badRequest("api.command-body", "null");
        }
        return read;
    }

    /** A time parameter: ISO-8601 ({@code 2026-11-23T08:00:00Z}) or epoch milliseconds. */
    public long time(String name, long fallback) {
        List<String> v = params(name);
        if (v.isEmpty() || v.get(0).isBlank()) {
            return fallback;
        }
        String s = v.get(0).trim();
        try {
            return s.chars().allMatch(Character::isDigit) ? Long.parseLong(s) : Instant.parse(s).toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw ApiException.badRequest("api.bad-time", name, s);
        }
    }
}
