package io.parkwatch.console.api;

import io.parkwatch.console.auth.ConsoleUser;
import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.board.AlertView;
import io.parkwatch.console.history.HistoryReader;
import io.parkwatch.console.map.SitePlan;
import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.console.history.AlertHistory;
import io.parkwatch.console.history.CommandOutcomes;
import io.parkwatch.console.kpi.AlarmPerformance;
import io.parkwatch.console.kpi.ResponseFigures;
import io.parkwatch.console.kpi.ResponseFiguresCsv;
import io.parkwatch.console.park.ParkOverview;
import io.parkwatch.console.park.RecentReadings;
import io.parkwatch.rules.config.Enterprise;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertCommand;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.AlertState;
import io.parkwatch.rules.text.Message;
import io.parkwatch.rules.model.Point;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The console's JSON API (documented in docs/console-api.md). Every endpoint answers only with what the
 * caller may see: a park officer the whole park, an enterprise operator their own enterprise; anything
 * else is a 403 that says whose it is.
 */
public final class ConsoleApi {

    /** How long a command waits for the job's answer before the API says "sent, outcome pending" (202). */
    static final Duration OUTCOME_WAIT = Duration.ofSeconds(10);

    private final AlertBoard board;
    private final AlertHistory history;
    private final RecentReadings readings;
    private final Supplier<PointRegistry> registry;
    private final CommandOutcomes outcomes;
    private final CommandSender commands;
    private final Clock clock;
    private final SystemWarnings warnings;
    private final SitePlan sitePlan;
    private final HistoryReader longHistory;

    /** Longest note (comment, disposal, reason) a command may carry. */
    public static final int MAX_NOTE_CHARS = 2000;

    public ConsoleApi(AlertBoard board, AlertHistory history, RecentReadings readings, Supplier<PointRegistry> registry,
            CommandSender commands, SystemWarnings warnings, Clock clock) {
        this(board, history, readings, registry, commands, warnings, clock, SitePlan.NONE, null);
    }

    /**
     * @param sitePlan     the park on a map
     * @param longHistory  readings older than the recent buffer, or null when there is no time-series store
     */
    public ConsoleApi(AlertBoard board, AlertHistory history, RecentReadings readings, Supplier<PointRegistry> registry,
            CommandSender commands, SystemWarnings warnings, Clock clock, SitePlan sitePlan, HistoryReader longHistory) {
        this.sitePlan = sitePlan;
        this.longHistory = longHistory;
        this.warnings = warnings;
        this.board = board;
        this.history = history;
        this.readings = readings;
        this.registry = registry;
        this.outcomes = new CommandOutcomes(history);
        this.commands = commands;
        this.clock = clock;
    }

    private final List<Route> more = new java.util.ArrayList<>();
    private java.util.function.Function<Alert, Map<String, Object>> explain = a -> Map.of();

    /**
     * The same API, its alert detail completed with what the configuration says about the alert (its rule's
     * rationalization, the version of the rule it was raised under).
     */
    public ConsoleApi explainedBy(java.util.function.Function<Alert, Map<String, Object>> f) {
        this.explain = f;
        return this;
    }

    private io.parkwatch.rules.incident.Flood flood = io.parkwatch.rules.incident.Flood.EEMUA_191;

    /** What a flood is on the alarm performance page: the park's one definition (incidents: in parkwatch.yaml). */
    public ConsoleApi withFlood(io.parkwatch.rules.incident.Flood flood) {
        this.flood = flood;
        return this;
    }

    /** The same API with more routes (another part of the console's API). */
    public ConsoleApi with(List<Route> routes) {
        more.addAll(routes);
        return this;
    }

    public List<Route> routes() {
        List<Route> all = new java.util.ArrayList<>(own());
        all.addAll(more);
        return all;
    }

    private List<Route> own() {
        return List.of(
                new Route("GET", "/api/me", sync(this::me)),
                new Route("GET", "/api/status", sync(this::status)),
                new Route("GET", "/api/alerts", sync(this::alerts)),
                new Route("GET", "/api/alerts/{id}", sync(this::alert)),
                new Route("POST", "/api/alerts/{id}/ack", c -> command(c, AlertCommand.Type.ACKNOWLEDGE)),
                new Route("POST", "/api/alerts/{id}/comment", c -> command(c, AlertCommand.Type.COMMENT)),
                new Route("POST", "/api/alerts/{id}/close", c -> command(c, AlertCommand.Type.CLOSE)),
                new Route("POST", "/api/alerts/{id}/shelve", c -> command(c, AlertCommand.Type.SHELVE)),
                new Route("POST", "/api/alerts/{id}/unshelve", c -> command(c, AlertCommand.Type.UNSHELVE)),
                new Route("POST", "/api/points/{id}/shelve", this::shelvePoint),
                new Route("GET", "/api/points/{id}/readings", this::pointReadings),
                new Route("GET", "/api/site-plan", sync(c -> sitePlan.visibleTo(c.user()))),
                new Route("GET", "/api/overview", sync(this::overview)),
                new Route("GET", "/api/kpi", sync(this::kpi)),
                new Route("GET", "/api/kpi/response", sync(this::response)));
    }

    /** The reader's sentences, with times on the park's clock. */
    private Catalogue reader(ApiCall c) {
        return c.catalogue().inZone(registry.get().park().timeZone());
    }

    private static Endpoint sync(java.util.function.Function<ApiCall, Object> f) {
        return c -> CompletableFuture.completedFuture(Reply.ok(f.apply(c)));
    }

    private Object me(ApiCall c) {
        ConsoleUser u = c.user();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", u.username());
        me.put("name", u.name());
        me.put("role", u.role().name());
        me.put("enterprise", u.enterpriseId());
        me.put("position", u.position());
        me.put("language", u.language() == null ? null : u.language().toLanguageTag());
        me.put("park", registry.get().park().name());
        me.put("timeZone", registry.get().park().timeZone().getId());
        me.put("sessionExpiresAt", c.session().expiresAt());
        return me;
    }

    /** Warnings about ParkWatch itself and the notifier's channels: for park officers (others get none). */
    private Object status(ApiCall c) {
        boolean officer = c.user().role() == AlertCommand.Role.PARK_OFFICER;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("warnings", officer ? warnings.current(reader(c)) : List.of());
        out.put("channels", officer ? warnings.channels() : List.of());
        return out;
    }

    private Object alerts(ApiCall c) {
        Predicate<Alert> visible = a -> c.user().sees(a.enterpriseId());
        Catalogue language = reader(c);
        return board.list(visible.and(AlertFilter.of(c.query()))).stream().map(a -> AlertView.of(a, language, history)).toList();
    }

    private Object alert(ApiCall c) {
        Alert a = visibleAlert(c);
        Catalogue language = reader(c);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("alert", AlertView.of(a, language, history));
        out.put("timeline", history.timeline(a.alertId()).stream().map(e -> AlertView.readable(e, language)).toList());
        out.putAll(explain.apply(a));
        return out;
    }

    private Alert visibleAlert(ApiCall c) {
        String id = c.pathParam("id");
        Alert a = board.get(id).orElseThrow(() -> ApiException.notFound("api.no-alert", id));
        if (!c.user().sees(a.enterpriseId())) {
            throw ApiException.forbidden("api.alert-of-other-enterprise", id, a.enterpriseId(), c.user().username(),
                    c.user().enterpriseId());
        }
        return a;
    }

    /** Longest shelving the API takes at all (the rule file's maxima per level are checked by the job). */
    static final int MAX_SHELVE_MINUTES = 7 * 24 * 60;

    /**
     * Body: {@code {"note": "...", "force": false}}, for shelving {@code {"minutes": 30, "reason": "..."}}.
     * Answers with the job's resulting event.
     */
    private CompletionStage<Reply> command(ApiCall c, AlertCommand.Type requested) {
        Alert a = visibleAlert(c);
        AlertCommand cmd = checked(c, a, requested, body(c));
        return send(cmd).handle((e, t) -> reply(c, cmd, e, t));
    }

    /** Shelves every alarm of a point that is open and not shelved yet: one command each, all answered together. */
    private CompletionStage<Reply> shelvePoint(ApiCall c) {
        Point p = visiblePoint(c);
        List<Alert> open = board.list(a -> a.pointId().equals(p.id()) && a.state() != AlertState.CLOSED
                && history.shelving(a.key()).isEmpty());
        if (open.isEmpty()) {
            throw new ApiException(409, Message.of("api.point-nothing-to-shelve", p.id()));
        }
        return commandEach(c, open, AlertCommand.Type.SHELVE, Map.of("point", p.id()));
    }

    /**
     * One command per alarm (a point's, an incident's), each checked and audited as its own, all answered together:
     * 200 when the job took at least one, with every alarm's answer under {@code alarms}.
     */
    CompletionStage<Reply> commandEach(ApiCall c, List<Alert> alarms, AlertCommand.Type type, Map<String, Object> about) {
        CommandBody body = body(c);
        List<CompletableFuture<Reply>> replies = alarms.stream().map(a -> {
            AlertCommand cmd = checked(c, a, type, body);
            return send(cmd).handle((e, t) -> reply(c, cmd, e, t)).toCompletableFuture();
        }).toList();
        return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<Object> answers = replies.stream().map(r -> (Object) Map.of("status", r.join().status(),
                    "answer", r.join().body())).toList();
            boolean any = replies.stream().anyMatch(r -> r.join().status() == 200);
            Map<String, Object> out = new java.util.LinkedHashMap<>(about);
            out.put("alarms", answers);
            return new Reply(any ? 200 : 409, out);
        });
    }

    private AlertCommand checked(ApiCall c, Alert a, AlertCommand.Type requested, CommandBody body) {
        AlertCommand.Type type = requested == AlertCommand.Type.CLOSE && body.force() ? AlertCommand.Type.FORCE_CLOSE
                : requested;
        String given = type == AlertCommand.Type.SHELVE ? body.reason() : body.note();
        String note = given == null || given.isBlank() ? null : given.trim();
        if (note != null && note.length() > MAX_NOTE_CHARS) {
            throw ApiException.badRequest("api.note-too-long", MAX_NOTE_CHARS, note.length());
        }
        if (note == null && type != AlertCommand.Type.ACKNOWLEDGE && type != AlertCommand.Type.UNSHELVE) {
            throw ApiException.badRequest(switch (type) {
                case COMMENT -> "api.comment-needs-note";
                case CLOSE -> "api.close-needs-note";
                case SHELVE -> "api.shelve-needs-reason";
                default -> "api.force-close-needs-reason";
            });
        }
        if (type == AlertCommand.Type.SHELVE && (body.minutes() == null || body.minutes() < 1
                || body.minutes() > MAX_SHELVE_MINUTES)) {
            throw ApiException.badRequest("api.shelve-minutes", MAX_SHELVE_MINUTES);
        }
        if (type == AlertCommand.Type.FORCE_CLOSE && c.user().role() != AlertCommand.Role.PARK_OFFICER) {
            throw ApiException.forbidden("api.force-close-officers-only");
        }
        return AlertCommand.builder().commandId(UUID.randomUUID().toString()).type(type).alertId(a.alertId())
                .alertKey(a.key()).user(c.user().username()).role(c.user().role())
                .enterpriseId(c.user().enterpriseId()).note(note).issuedAt(clock.millis())
                .minutes(type == AlertCommand.Type.SHELVE ? body.minutes() : 0).build();
    }

    /** Sends a command and waits (a while) for the job's resulting event. */
    private CompletionStage<AlertEvent> send(AlertCommand cmd) {
        CompletableFuture<AlertEvent> outcome = outcomes.expect(cmd);
        return commands.send(cmd)
                .thenCompose(sent -> outcome.orTimeout(OUTCOME_WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .whenComplete((e, t) -> {
                    if (t != null) {
                        outcome.cancel(false); // stop waiting (no-op when it timed out)
                    }
                });
    }

    private Reply reply(ApiCall c, AlertCommand cmd, AlertEvent e, Throwable t) {
        if (t == null) {
            return e.type() == AlertEventType.COMMAND_REFUSED
                    ? new Reply(409, Map.of("error", e.text() == null ? e.note() : reader(c).render(e.text()),
                            "status", 409, "event", AlertView.readable(e, reader(c))))
                    : Reply.ok(Map.of("event", AlertView.readable(e, reader(c))));
        }
        Throwable cause = t instanceof java.util.concurrent.CompletionException ? t.getCause() : t;
        if (cause instanceof TimeoutException) { // the JDK's: the job's answer did not come in time
            return new Reply(202, Map.of("status", "sent", "commandId", cmd.commandId(), "note",
                    reader(c).text("api.command-pending")));
        }
        return new Reply(503, Map.of("error", reader(c).text("api.command-not-sent",
                String.valueOf(cause.getMessage())), "status", 503));
    }

    private record CommandBody(String note, boolean force, Integer minutes, String reason) {
    }

    private static CommandBody body(ApiCall c) {
        return c.json(CommandBody.class, new CommandBody(null, false, null, null));
    }

    private Point visiblePoint(ApiCall c) {
        String id = c.pathParam("id");
        Point p = registry.get().point(id).orElseThrow(() -> ApiException.notFound("api.no-point", id));
        if (!c.user().sees(p.enterpriseId())) {
            throw ApiException.forbidden("api.point-of-other-enterprise", id, p.enterpriseId(), c.user().username(),
                    c.user().enterpriseId());
        }
        return p;
    }

    /** Most samples a chart gets: long periods come back as means per time bucket. */
    static final int MAX_CHART_SAMPLES = 2000;

    /**
     * A point's readings from {@code from} to {@code to}: from the console's recent buffer when it reaches back
     * that far, else from the time-series store, downsampled to at most {@code points} samples (default 720). Says
     * where they came from, and without a store how far back the buffer reaches.
     */
    private CompletionStage<Reply> pointReadings(ApiCall c) {
        Point p = visiblePoint(c);
        String id = p.id();
        long now = clock.millis();
        long to = c.time("to", now);
        long from = c.time("from", to - Duration.ofMinutes(30).toMillis());
        if (to < from) {
            throw ApiException.badRequest("api.to-before-from");
        }
        if (to - from > Duration.ofDays(31).toMillis()) {
            throw ApiException.badRequest("api.period-too-long", 31);
        }
        int points = (int) Math.max(10, Math.min(MAX_CHART_SAMPLES, c.time("points", 720)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("point", id);
        out.put("name", p.displayName());
        out.put("unit", p.unit());
        out.put("from", from);
        out.put("to", to);
        long coversSince = readings.oldest(id).orElse(now);
        out.put("coversSince", coversSince);
        if (from >= coversSince || longHistory == null) {
            out.put("source", "recent");
            out.put("readings", readings.between(id, from, to));
            return CompletableFuture.completedFuture(Reply.ok(out));
        }
        return longHistory.between(id, from, to, points).handle((samples, t) -> {
            if (t == null) {
                out.put("source", "history");
                out.put("readings", samples);
            } else {
                // the store is away: what the buffer has, and why not more
                Throwable cause = t instanceof java.util.concurrent.CompletionException && t.getCause() != null
                        ? t.getCause() : t;
                out.put("source", "recent");
                out.put("historyError", reader(c).text(cause instanceof java.util.concurrent.RejectedExecutionException
                        ? "api.history-busy" : "api.history-failed", longHistory.describe(), String.valueOf(cause.getMessage())));
                out.put("readings", readings.between(id, from, to));
            }
            return Reply.ok(out);
        });
    }

    private Object overview(ApiCall c) {
        return ParkOverview.of(registry.get(), board.list(a -> true), readings, c.user(), clock.millis());
    }

    /** How fast and how fully alarms were answered (叫应率); {@code ?format=csv} for a spreadsheet. */
    private Object response(ApiCall c) {
        Period p = period(c);
        ConsoleUser u = c.user();
        ResponseFigures.Report r = ResponseFigures.compute(history.between(Long.MIN_VALUE, p.to(),
                e -> u.sees(e.enterpriseId())), p.from(), p.to());
        if ("csv".equals(c.query().getOrDefault("format", List.of("json")).get(0))) {
            return new Reply.Csv(ResponseFiguresCsv.write(r, reader(c)));
        }
        return r;
    }

    /** The period of a figures page: {@code from} and {@code to}, the last day by default, at most 92 days. */
    private record Period(long from, long to) {
    }

    private Period period(ApiCall c) {
        long to = c.time("to", clock.millis());
        long from = c.time("from", to - Duration.ofDays(1).toMillis());
        if (to <= from) {
            throw ApiException.badRequest("api.to-before-from");
        }
        if (to - from > Duration.ofDays(92).toMillis()) {
            throw ApiException.badRequest("api.period-too-long", 92);
        }
        return new Period(from, to);
    }

    private Object kpi(ApiCall c) {
        Period p = period(c);
        long from = p.from();
        long to = p.to();
        ConsoleUser u = c.user();
        List<String> enterprises = registry.get().enterprises().stream().map(Enterprise::id).filter(u::sees).toList();
        List<AlertEvent> events = history.between(Long.MIN_VALUE, to, e -> u.sees(e.enterpriseId()));
        return AlarmPerformance.compute(events, from, to, u.role() == AlertCommand.Role.PARK_OFFICER, enterprises,
                e -> AlertView.readable(e, reader(c)).message(), flood);
    }
}
