package io.parkwatch.console.api;

import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.incident.IncidentStore;
import io.parkwatch.rules.incident.Incident;
import io.parkwatch.rules.incident.IncidentGrouping;
import io.parkwatch.rules.incident.IncidentState;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Incidents (alarm floods grouped by the job): {@code GET /api/incidents} (open ones, or {@code ?state=all};
 * {@code ?enterprise=}), {@code GET /api/incidents/{id}} with its timeline, and acknowledging or closing an
 * incident, which sends the command to each of its alarms (each audited as its own event). Operators see their own
 * enterprise's only.
 */
public final class IncidentApi {

    private final IncidentStore incidents;
    private final AlertBoard board;
    private final ConsoleApi alerts;

    public IncidentApi(IncidentStore incidents, AlertBoard board, ConsoleApi alerts) {
        this.incidents = incidents;
        this.board = board;
        this.alerts = alerts;
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", "/api/incidents", c -> done(list(c))),
                new Route("GET", "/api/incidents/{id}", c -> done(one(c))),
                new Route("POST", "/api/incidents/{id}/ack", c -> each(c, AlertCommand.Type.ACKNOWLEDGE)),
                new Route("POST", "/api/incidents/{id}/close", c -> each(c, AlertCommand.Type.CLOSE)));
    }

    /**
     * Filters as for alerts: {@code enterprise}, {@code level} (the worst), {@code point} (any of its alarms),
     * {@code kind}; {@code state} OPEN, ACKNOWLEDGED, CLOSED or {@code all} (default: not closed).
     */
    private Object list(ApiCall c) {
        List<String> states = c.params("state");
        boolean all = states.contains("all");
        List<String> enterprises = c.params("enterprise");
        List<String> levels = c.params("level");
        List<String> points = c.params("point");
        List<String> kinds = c.params("kind");
        List<Incident> visible = incidents.list(i -> seen(c, i)
                && (all || (states.isEmpty() ? i.state() != IncidentState.CLOSED : states.contains(i.state().name())))
                && (enterprises.isEmpty() || enterprises.stream().anyMatch(i::concerns))
                && (levels.isEmpty() || levels.contains(i.worstLevel().name()))
                && (points.isEmpty() || i.alarms().stream().anyMatch(a -> points.contains(a.subject())))
                && (kinds.isEmpty() || i.alarms().stream().anyMatch(a -> a.kind() != null
                        && kinds.contains(a.kind().fileName()))));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("incidents", visible.stream().map(i -> asSeen(c, i)).toList());
        out.put("inFlood", incidents.inFlood().stream().filter(e -> c.user().sees(e)).toList());
        return out;
    }

    private Object one(ApiCall c) {
        Incident i = visible(c);
        if (c.user().sees(i.enterpriseId())) {
            return Map.of("incident", i, "timeline", incidents.timeline(i.incidentId()));
        }
        // a park incident seen by one enterprise: the steps of its own alarms (and of the incident as a whole)
        java.util.Set<String> own = new java.util.HashSet<>();
        i.alarms().forEach(a -> own.add(a.alertId()));
        return Map.of("incident", i, "timeline", incidents.timeline(i.incidentId()).stream()
                .filter(step -> step.alertId() == null || own.contains(step.alertId())).toList());
    }

    private CompletionStage<Reply> each(ApiCall c, AlertCommand.Type type) {
        Incident i = visible(c);
        // every alarm of it, not only those its last event carried (a flood's incident carries 200 of thousands), as
        // the board has them now
        List<Alert> open = incidents.members(i.incidentId()).stream().map(board::get)
                .flatMap(java.util.Optional::stream).filter(a -> !a.handlingOrNew().closed())
                .filter(a -> type != AlertCommand.Type.ACKNOWLEDGE || !a.handlingOrNew().acknowledged())
                .filter(a -> c.user().sees(a.enterpriseId())).toList();
        if (open.isEmpty()) {
            throw new ApiException(409, io.parkwatch.rules.text.Message.of("api.incident-nothing-to-do",
                    i.incidentId()));
        }
        return alerts.commandEach(c, open, type, Map.of("incident", i.incidentId()));
    }

    private Incident visible(ApiCall c) {
        String id = c.pathParam("id");
        Incident i = incidents.get(id).orElseThrow(() -> ApiException.notFound("api.no-incident", id));
        if (!seen(c, i)) {
            throw ApiException.forbidden("api.incident-of-other-enterprise", id, i.enterpriseId());
        }
        return asSeen(c, i);
    }

    /** Its position's people see an incident; an enterprise also sees the park's link incidents it is part of. */
    private static boolean seen(ApiCall c, Incident i) {
        return c.user().sees(i.enterpriseId())
                || (IncidentGrouping.PARK.equals(i.enterpriseId()) && i.concerns(c.user().enterpriseId()));
    }

    /** What of a park incident an enterprise sees: its own alarms (and it acts on those alone). */
    private static Incident asSeen(ApiCall c, Incident i) {
        return c.user().sees(i.enterpriseId()) ? i : i.asSeenBy(c.user().enterpriseId());
    }

    private static CompletionStage<Reply> done(Object body) {
        return CompletableFuture.completedFuture(Reply.ok(body));
    }
}
