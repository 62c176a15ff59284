package io.parkwatch.console.api;

import io.parkwatch.console.auth.ConsoleUser;
import io.parkwatch.console.park.ParkConfiguration;
import io.parkwatch.rules.config.Enterprise;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.operations.ModeChange;
import io.parkwatch.rules.operations.OperationsFile;
import io.parkwatch.rules.operations.OutOfService;
import io.parkwatch.rules.operations.PlantOperations;
import io.parkwatch.rules.wire.ConfigDocument;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * How the plants are operated, from the console: the mode of each plant and unit, the instruments out of service
 * (with their age, and whether they are overdue), and the commands that change them. A command becomes a new
 * version of the operations document on the config topic (with who and why), which the job applies; changes are
 * made one at a time, each on the version the previous one left.
 */
public final class OperationsApi implements AutoCloseable {

    /** Publishes a document on the config topic; completes when Kafka holds it. */
    @FunctionalInterface
    public interface Publisher {
        CompletableFuture<Void> publish(ConfigDocument doc);
    }

    private final ParkConfiguration configuration;
    private final Publisher publisher;
    private final Clock clock;
    /**
     * One change at a time: each reads the version the previous one published. Bounded: beyond 50 waiting, a change
     * is refused (503) rather than kept in memory without end.
     */
    private final ExecutorService changes = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new java.util.concurrent.ArrayBlockingQueue<>(50), r -> {
                Thread t = new Thread(r, "console-operations");
                t.setDaemon(true);
                return t;
            });

    public OperationsApi(ParkConfiguration configuration, Publisher publisher, Clock clock) {
        this.configuration = configuration;
        this.publisher = publisher;
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", "/api/operations", c -> CompletableFuture.completedFuture(Reply.ok(view(c)))),
                new Route("POST", "/api/points/{id}/out-of-service", this::takeOutOfService),
                new Route("POST", "/api/points/{id}/return-to-service", this::returnToService),
                new Route("POST", "/api/modes", this::setMode));
    }

    private record ServiceBody(String reason, String expectedReturn) {
    }

    private record ModeBody(String subject, String mode, String reason) {
    }

    /** The modes of the plants and units the caller sees, and the instruments out of service. */
    private Object view(ApiCall c) {
        ParkConfiguration.InForce in = configuration.get();
        ConsoleUser u = c.user();
        long now = clock.millis();
        ZoneId zone = in.registry().park().timeZone();
        List<Map<String, Object>> modes = new ArrayList<>();
        for (Enterprise e : in.registry().enterprises()) {
            if (!u.sees(e.id())) {
                continue;
            }
            modes.add(mode(in.operations(), e.id(), e.name(), e.id(), null, now, zone));
            TreeSet<String> units = new TreeSet<>(e.shutDownUnits());
            in.registry().unitsOf(e.id()).stream().filter(t -> in.operations().changeInForce(t, now).isPresent())
                    .forEach(units::add);
            units.forEach(t -> modes.add(mode(in.operations(), t, t, e.id(), t, now, zone)));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (OutOfService o : in.operations().outOfService().values()) {
            Optional<Point> p = in.registry().point(o.pointId());
            if (p.isEmpty() || !u.sees(p.get().enterpriseId())) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("point", o.pointId());
            m.put("name", p.get().displayName());
            m.put("enterprise", p.get().enterpriseId());
            m.put("reason", o.reason());
            m.put("by", o.by());
            m.put("since", Instant.ofEpochMilli(o.since()).toString());
            m.put("expectedReturn", Instant.ofEpochMilli(o.expectedReturn()).toString());
            m.put("ageHours", Math.round((now - o.since()) / 360_000.0) / 10.0);
            m.put("overdue", o.overdueAt(now));
            out.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("knownModes", new TreeSet<>(in.operations().modes()));
        body.put("modes", modes);
        body.put("outOfService", out);
        return body;
    }

    private static Map<String, Object> mode(PlantOperations ops, String subject, String name, String enterprise,
            String unit, long now, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", subject);
        m.put("name", name);
        m.put("enterprise", enterprise);
        m.put("unit", unit);
        m.put("mode", ops.modeOf(enterprise, unit, now));
        ops.changeInForce(subject, now).ifPresent(ch -> {
            m.put("since", Instant.ofEpochMilli(ch.at()).toString());
            m.put("by", ch.by());
            m.put("reason", ch.reason());
        });
        ops.changes().stream().filter(ch -> ch.subject().equals(subject) && ch.at() > now).findFirst()
                .ifPresent(ch -> m.put("next", Map.of("mode", ch.mode(), "at", Instant.ofEpochMilli(ch.at()).toString())));
        return m;
    }

    /** Body: {@code {"reason": "...", "expectedReturn": "2026-12-01 17:00"}} (the park's clock, or ISO). */
    private CompletionStage<Reply> takeOutOfService(ApiCall c) {
        Point p = visiblePoint(c);
        ServiceBody b = body(c, ServiceBody.class);
        String reason = note(b.reason(), "api.out-of-service-needs-reason");
        if (b.expectedReturn() == null || b.expectedReturn().isBlank()) {
            throw ApiException.badRequest("api.out-of-service-needs-return");
        }
        long back;
        try {
            back = OperationsFile.time(b.expectedReturn().trim(), configuration.registry().park().timeZone());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("api.bad-time", b.expectedReturn());
        }
        long now = clock.millis();
        if (back <= now) {
            throw ApiException.badRequest("api.return-in-the-past", b.expectedReturn());
        }
        OutOfService o = new OutOfService(p.id(), reason, now, back, c.user().username());
        return change(c, "out of service " + p.id(), ops -> ops.withOutOfService(o));
    }

    private CompletionStage<Reply> returnToService(ApiCall c) {
        Point p = visiblePoint(c);
        if (configuration.get().operations().outOfService(p.id()).isEmpty()) {
            throw new ApiException(409, io.parkwatch.rules.text.Message.of("api.not-out-of-service", p.id()));
        }
        return change(c, "returned to service " + p.id(), ops -> ops.returnedToService(p.id()));
    }

    /** Body: {@code {"subject": "ent-a" or a unit, "mode": "shut-down", "reason": "..."}}; holds until the next change. */
    private CompletionStage<Reply> setMode(ApiCall c) {
        ModeBody b = body(c, ModeBody.class);
        ParkConfiguration.InForce in = configuration.get();
        String subject = b.subject() == null ? "" : b.subject().trim();
        String enterprise = enterpriseOf(in.registry(), subject)
                .orElseThrow(() -> ApiException.badRequest("api.unknown-subject", subject));
        if (!c.user().sees(enterprise)) {
            throw ApiException.forbidden("api.subject-of-other-enterprise", subject, enterprise, c.user().username(),
                    c.user().enterpriseId());
        }
        if (b.mode() == null || !in.operations().modes().contains(b.mode())) {
            throw ApiException.badRequest("api.unknown-mode", b.mode(),
                    String.join(", ", new TreeSet<>(in.operations().modes())));
        }
        String reason = note(b.reason(), "api.mode-needs-reason");
        ModeChange change = new ModeChange(subject, b.mode(), clock.millis(), c.user().username(), reason);
        return change(c, "mode of " + subject + " set to " + b.mode(), ops -> ops.withChange(change));
    }

    /** Applies one change to the operations in force and publishes the new version. */
    private CompletionStage<Reply> change(ApiCall c, String what, Function<PlantOperations, PlantOperations> f) {
        return inOrder(c, () -> {
            publishOperations(c.user(), what, f);
            return Reply.ok(view(c));
        });
    }

    /**
     * Runs {@code work} in the queue of configuration changes: one at a time, each on the version the previous one
     * left; beyond 50 waiting, refused with 503 and the reason.
     */
    CompletionStage<Reply> inOrder(ApiCall c, java.util.function.Supplier<Reply> work) {
        try {
            return CompletableFuture.supplyAsync(work, changes);
        } catch (java.util.concurrent.RejectedExecutionException busy) {
            return CompletableFuture.completedFuture(new Reply(503, Map.of("error",
                    c.catalogue().text("api.operations-busy"), "status", 503)));
        }
    }

    /** Within {@link #inOrder}: the operations in force changed by {@code f}, published and taken in force. */
    void publishOperations(ConsoleUser u, String what, Function<PlantOperations, PlantOperations> f) {
        ParkConfiguration.InForce in = configuration.get();
        ZoneId zone = in.registry().park().timeZone();
        String yaml = OperationsFile.write(f.apply(in.operations()), zone);
        OperationsFile.parse(YamlSource.parse("operations.yaml", yaml), in.registry()); // never publish a bad one
        publish(new ConfigDocument(ConfigDocument.OPERATIONS, yaml, "console", clock.millis(), u.username(), what));
    }

    /** Within {@link #inOrder}: a document published, and taken in force here so the next change builds on it. */
    void publish(ConfigDocument doc) {
        publisher.publish(doc).orTimeout(15, TimeUnit.SECONDS).join();
        configuration.published(doc);
    }

    private Point visiblePoint(ApiCall c) {
        String id = c.pathParam("id");
        Point p = configuration.registry().point(id).orElseThrow(() -> ApiException.notFound("api.no-point", id));
        if (!c.user().sees(p.enterpriseId())) {
            throw ApiException.forbidden("api.point-of-other-enterprise", id, p.enterpriseId(), c.user().username(),
                    c.user().enterpriseId());
        }
        return p;
    }

    /** The enterprise a subject (an enterprise id, or a tank or unit) belongs to. */
    static Optional<String> enterpriseOf(PointRegistry r, String subject) {
        if (r.enterprise(subject).isPresent()) {
            return Optional.of(subject);
        }
        return r.points().stream().filter(p -> subject.equals(p.tank())).map(Point::enterpriseId)
                .filter(Objects::nonNull).findFirst();
    }

    private static String note(String given, String missingKey) {
        String n = given == null ? "" : given.trim();
        if (n.isEmpty()) {
            throw ApiException.badRequest(missingKey);
        }
        if (n.length() > ConsoleApi.MAX_NOTE_CHARS) {
            throw ApiException.badRequest("api.note-too-long", ConsoleApi.MAX_NOTE_CHARS, n.length());
        }
        return n;
    }

    private static <T> T body(ApiCall c, Class<T> type) {
        return c.json(type, null);
    }

    @Override
    public void close() {
        changes.shutdown();
    }
}
