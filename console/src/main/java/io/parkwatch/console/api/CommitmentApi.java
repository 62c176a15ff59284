package io.parkwatch.console.api;

import io.parkwatch.console.auth.ConsoleUser;
import io.parkwatch.console.park.ParkConfiguration;
import io.parkwatch.rules.config.Enterprise;
import io.parkwatch.rules.config.HazardSource;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.operations.ModeChange;
import io.parkwatch.rules.operations.PlantOperations;
import io.parkwatch.rules.risk.Commitment;
import io.parkwatch.rules.risk.CommitmentsFile;
import io.parkwatch.rules.wire.ConfigDocument;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The daily safety commitment (安全承诺): {@code GET /api/commitments?day=} shows, for each enterprise the caller sees,
 * its major hazard sources, the commitment of the day or that it is missing (after the risk model's due time);
 * {@code POST /api/commitments} submits today's. The states declared set the operating modes of the sources' units
 * (a mode change by the submitter, "安全承诺 <day>"), so a plant declared shut down that shows activity raises its
 * shut-down-activity alarm. Both documents go through the console's one queue of configuration changes.
 */
public final class CommitmentApi {

    /** Days of commitments the document keeps: history beyond them is in the config history topic. */
    static final int KEEP_DAYS = 7;
    static final int MAX_ITEMS = 20;
    static final int MAX_ITEM_CHARS = 40;

    private record Body(String enterprise, Map<String, String> hazardSources, List<String> specialOperations,
            List<String> onDuty) {
    }

    private final ParkConfiguration configuration;
    private final OperationsApi operations;
    private final Clock clock;

    public CommitmentApi(ParkConfiguration configuration, OperationsApi operations, Clock clock) {
        this.configuration = configuration;
        this.operations = operations;
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(new Route("GET", "/api/commitments", c -> CompletableFuture.completedFuture(Reply.ok(view(c)))),
                new Route("POST", "/api/commitments", this::submit));
    }

    private Object view(ApiCall c) {
        ParkConfiguration.InForce in = configuration.get();
        ZoneId zone = in.registry().park().timeZone();
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), zone);
        LocalDate day = day(c, now.toLocalDate());
        boolean pastDue = day.isBefore(now.toLocalDate())
                || (day.equals(now.toLocalDate()) && !now.toLocalTime().isBefore(in.risk().commitmentDue()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Enterprise e : in.registry().enterprises()) {
            if (!c.user().sees(e.id())) {
                continue;
            }
            Optional<Commitment> made = in.commitments().stream()
                    .filter(x -> x.enterpriseId().equals(e.id()) && x.day().equals(day)).reduce((a, b) -> b);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("enterprise", e.id());
            m.put("name", e.name());
            m.put("hazardSources", in.registry().hazardSources().stream().filter(h -> h.enterpriseId().equals(e.id()))
                    .map(h -> source(h, in.operations(), clock.millis())).toList());
            m.put("commitment", made.map(x -> commitment(x, zone)).orElse(null));
            m.put("missing", made.isEmpty() && pastDue);
            rows.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("day", day.toString());
        out.put("due", in.risk().commitmentDue().toString());
        out.put("states", Commitment.STATES);
        out.put("operations", Commitment.OPERATIONS);
        out.put("enterprises", rows);
        return out;
    }

    /**
     * Body: {@code {"enterprise": "ent-a" (park officers only), "hazardSources": {"HS-1": "running"},
     * "specialOperations": ["hot-work"], "onDuty": ["张伟"]}}. Every major hazard source of the enterprise must be
     * declared; a second commitment the same day replaces the first.
     */
    private CompletionStage<Reply> submit(ApiCall c) {
        Body b = body(c);
        ConsoleUser u = c.user();
        ParkConfiguration.InForce in = configuration.get();
        String enterprise = b.enterprise() != null && !b.enterprise().isBlank() ? b.enterprise().trim()
                : u.enterpriseId();
        if (enterprise == null) {
            throw ApiException.badRequest("api.commitment-which-enterprise");
        }
        if (in.registry().enterprise(enterprise).isEmpty()) {
            throw ApiException.badRequest("api.unknown-enterprise", enterprise);
        }
        if (!u.sees(enterprise)) {
            throw ApiException.forbidden("api.commitment-of-other-enterprise", enterprise, u.username(),
                    u.enterpriseId());
        }
        Map<String, String> declared = b.hazardSources() == null ? Map.of() : b.hazardSources();
        List<String> sources = CommitmentsFile.sourcesOf(in.registry(), enterprise);
        for (String id : sources) {
            if (!declared.containsKey(id)) {
                throw ApiException.badRequest("api.commitment-source-missing", id);
            }
        }
        declared.forEach((id, state) -> {
            if (!sources.contains(id)) {
                throw ApiException.badRequest("api.commitment-unknown-source", id, enterprise);
            }
            if (!Commitment.STATES.contains(state)) {
                throw ApiException.badRequest("api.commitment-bad-state", id, state, String.join(", ", Commitment.STATES));
            }
        });
        List<String> ops = items(b.specialOperations(), "specialOperations");
        List<String> onDuty = items(b.onDuty(), "onDuty");
        if (onDuty.isEmpty()) {
            throw ApiException.badRequest("api.commitment-on-duty");
        }
        ZoneId zone = in.registry().park().timeZone();
        long now = clock.millis();
        LocalDate today = ZonedDateTime.ofInstant(Instant.ofEpochMilli(now), zone).toLocalDate();
        Commitment made = new Commitment(enterprise, today, declared, ops, onDuty, u.username(), now);
        return operations.inOrder(c, () -> {
            ParkConfiguration.InForce latest = configuration.get();
            String yaml = CommitmentsFile.write(latest.commitments(), made, KEEP_DAYS, zone);
            CommitmentsFile.parse(YamlSource.parse("commitments", yaml), latest.registry()); // never publish a bad one
            String why = c.catalogue().text("commitment.reason", today.toString());
            // the modes first, then the commitment: the job never sees the commitment without the states it declares
            List<ModeChange> changes = modeChanges(latest, made, now, u.username(), why);
            if (!changes.isEmpty()) {
                operations.publishOperations(u, why, o -> {
                    PlantOperations next = o;
                    for (ModeChange ch : changes) {
                        next = next.withChange(ch);
                    }
                    return next;
                });
            }
            operations.publish(new ConfigDocument(ConfigDocument.COMMITMENTS, yaml, "console", now, u.username(),
                    why));
            return Reply.ok(view(c));
        });
    }

    /** The units whose mode in force differs from the state their hazard source is declared in. */
    static List<ModeChange> modeChanges(ParkConfiguration.InForce in, Commitment made, long now, String by,
            String why) {
        List<ModeChange> out = new ArrayList<>();
        for (Map.Entry<String, String> d : made.sources().entrySet()) {
            HazardSource h = in.registry().hazardSource(d.getKey()).orElseThrow();
            for (String unit : h.tanks()) {
                if (!d.getValue().equals(in.operations().modeOf(made.enterpriseId(), unit, now))) {
                    out.add(new ModeChange(unit, d.getValue(), now, by, why));
                }
            }
        }
        return out;
    }

    private static Map<String, Object> source(HazardSource h, PlantOperations ops, long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id());
        m.put("name", h.name());
        m.put("grade", h.grade());
        m.put("tanks", h.tanks());
        m.put("mode", h.tanks().isEmpty() ? ops.modeOf(h.enterpriseId(), null, now)
                : ops.modeOf(h.enterpriseId(), h.tanks().get(0), now));
        return m;
    }

    private static Map<String, Object> commitment(Commitment x, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hazardSources", x.sources());
        m.put("specialOperations", x.specialOperations());
        m.put("onDuty", x.onDuty());
        m.put("by", x.by());
        m.put("at", ZonedDateTime.ofInstant(Instant.ofEpochMilli(x.submittedAt()), zone).toOffsetDateTime().toString());
        return m;
    }

    private static List<String> items(List<String> given, String field) {
        if (given == null) {
            return List.of();
        }
        List<String> out = given.stream().filter(s -> s != null && !s.isBlank()).map(String::trim).distinct().toList();
        if (out.size() > MAX_ITEMS || out.stream().anyMatch(s -> s.length() > MAX_ITEM_CHARS)) {
            throw ApiException.badRequest("api.commitment-too-many", field, MAX_ITEMS, MAX_ITEM_CHARS);
        }
        return out;
    }

    private static LocalDate day(ApiCall c, LocalDate today) {
        List<String> d = c.params("day");
        if (d.isEmpty()) {
            return today;
        }
        try {
            return LocalDate.parse(d.get(0));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("api.bad-day", d.get(0));
        }
    }

    private static Body body(ApiCall c) {
        return c.json(Body.class, null);
    }
}
