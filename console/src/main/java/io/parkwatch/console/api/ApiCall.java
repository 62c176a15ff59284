package io.parkwatch.console.api;

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
