package io.parkwatch.console.api;

import io.parkwatch.rules.model.Alert;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** The filters of {@code GET /api/alerts}: enterprise, level, state, point, kind; each may repeat (any of). */
final class AlertFilter {

    private AlertFilter() {
    }

    static Predicate<Alert> of(Map<String, List<String>> p) {
        return anyOf(p.get("enterprise"), Alert::enterpriseId)
                .and(anyOf(p.get("level"), a -> a.level().name()))
                .and(anyOf(p.get("state"), a -> a.state().name()))
                .and(anyOf(p.get("point"), Alert::pointId))
                .and(anyOf(p.get("kind"), a -> a.kind().fileName()));
    }

    private static Predicate<Alert> anyOf(List<String> wanted, Function<Alert, String> field) {
        if (wanted == null || wanted.isEmpty()) {
            return a -> true;
        }
        return a -> wanted.stream().anyMatch(w -> w.equalsIgnoreCase(field.apply(a)));
    }
}
