package io.parkwatch.console.history;

import io.parkwatch.rules.engine.AlertIds;
import io.parkwatch.rules.model.AlertCommand;
import io.parkwatch.rules.model.AlertEvent;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Waits for what the job made of a command. The job derives the resulting event's id from the command
 * id (acknowledged, closed, ... or refused with a reason), so the console knows which event to wait for.
 */
public final class CommandOutcomes {

    private final Map<String, CompletableFuture<AlertEvent>> pending = new ConcurrentHashMap<>();

    public CommandOutcomes(AlertHistory history) {
        history.onEvent(e -> {
            CompletableFuture<AlertEvent> f = pending.remove(e.eventId());
            if (f != null) {
                f.complete(e);
            }
        });
    }

    /** Registers before the command is sent, so a fast answer cannot be missed. */
    public CompletableFuture<AlertEvent> expect(AlertCommand c) {
        String eventId = AlertIds.eventId(c.alertId(), "cmd|" + c.commandId());
        CompletableFuture<AlertEvent> f = new CompletableFuture<>();
        pending.put(eventId, f);
        f.whenComplete((e, t) -> pending.remove(eventId));
        return f;
    }
}
