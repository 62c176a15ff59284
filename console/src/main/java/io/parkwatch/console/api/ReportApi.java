package io.parkwatch.console.api;

import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.board.AlertExplanation;
import io.parkwatch.console.board.AlertView;
import io.parkwatch.console.context.AlarmContext;
import io.parkwatch.console.context.AlarmReportPage;
import io.parkwatch.console.context.ContextStore;
import io.parkwatch.console.history.AlertHistory;
import io.parkwatch.console.history.RuleVersions;
import io.parkwatch.console.park.ParkConfiguration;
import io.parkwatch.console.park.RecentReadings;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.text.Catalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/alerts/{id}/report}: the whole record of one alarm: what it is, its timeline, its rationalization,
 * the rule version it was raised under and its context (the readings of its point and neighbours around it), as JSON
 * or, with {@code ?format=html}, as a page to print.
 */
public final class ReportApi {

    private final AlertBoard board;
    private final AlertHistory history;
    private final ContextStore contexts;
    private final RecentReadings readings;
    private final ParkConfiguration configuration;
    private final RuleVersions versions;

    public ReportApi(AlertBoard board, AlertHistory history, ContextStore contexts, RecentReadings readings,
            ParkConfiguration configuration, RuleVersions versions) {
        this.board = board;
        this.history = history;
        this.contexts = contexts;
        this.readings = readings;
        this.configuration = configuration;
        this.versions = versions;
    }

    public List<Route> routes() {
        return List.of(new Route("GET", "/api/alerts/{id}/report", c -> CompletableFuture.completedFuture(report(c))));
    }

    private Reply report(ApiCall c) {
        String id = c.pathParam("id");
        Alert a = board.get(id).orElseThrow(() -> ApiException.notFound("api.no-alert", id));
        if (!c.user().sees(a.enterpriseId())) {
            throw ApiException.forbidden("api.alert-of-other-enterprise", id, a.enterpriseId(), c.user().username(),
                    c.user().enterpriseId());
        }
        Catalogue language = c.catalogue().inZone(configuration.registry().park().timeZone());
        List<AlertEvent> timeline = history.timeline(a.alertId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("alert", AlertView.of(a, language, history));
        out.putAll(AlertExplanation.of(a, configuration.get().rules(), versions, history));
        out.put("timeline", timeline.stream().map(e -> AlertView.readable(e, language)).toList());
        AlarmContext context = contexts.get(a.alertId()).orElseGet(() -> fromRecent(a, timeline));
        out.put("context", context);
        out.put("contextSource", contexts.get(a.alertId()).isPresent() ? "recorded" : "recent");
        if ("html".equals(c.query().getOrDefault("format", List.of("json")).get(0))) {
            return Reply.ok(new Reply.Html(AlarmReportPage.render(out, a, language)));
        }
        return Reply.ok(out);
    }

    /** While no record is written yet (the alarm is open): what the recent readings hold around it so far. */
    private AlarmContext fromRecent(Alert a, List<AlertEvent> timeline) {
        long from = a.raisedAt() - 10 * 60_000L;
        long to = timeline.stream().filter(e -> e.type() == AlertEventType.RECOVERED).mapToLong(AlertEvent::eventTime)
                .max().orElse(Long.MAX_VALUE);
        List<AlarmContext.PointReadings> points = new ArrayList<>();
        Point own = configuration.registry().point(a.pointId()).orElse(null);
        if (own != null) {
            points.add(new AlarmContext.PointReadings(own.id(), own.displayName(), own.unit(), "alarm", false,
                    readings.between(own.id(), from, to)));
        }
        return new AlarmContext(a.alertId(), from, to == Long.MAX_VALUE ? System.currentTimeMillis() : to, false, points);
    }
}
