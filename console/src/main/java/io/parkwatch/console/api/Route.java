package io.parkwatch.console.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A method and a path template such as {@code /api/alerts/{id}/ack}; a match yields the named segments.
 */
public record Route(String method, String template, Endpoint endpoint) {

    public Optional<Map<String, String>> match(String path) {
        String[] want = template.split("/");
        String[] got = path.split("/");
        if (want.length != got.length) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && want[i].endsWith("}")) {
                if (got[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(want[i].substring(1, want[i].length() - 1), got[i]);
            } else if (!want[i].equals(got[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }
}
