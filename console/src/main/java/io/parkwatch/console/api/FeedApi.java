package io.parkwatch.console.api;

import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.feed.FeedMessage;
import io.parkwatch.console.feed.FeedMessages;
import io.parkwatch.console.history.AlertHistory;
import io.parkwatch.console.park.ParkConfiguration;
import io.parkwatch.console.quality.DataQualityStore;
import io.parkwatch.console.risk.RiskStore;
import io.parkwatch.rules.dataquality.QualityFigures;
import io.parkwatch.rules.dataquality.QualityRollup;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertState;
import io.parkwatch.rules.risk.RiskAssessment;
import io.parkwatch.rules.risk.RiskLevel;
import io.parkwatch.rules.risk.RiskWarning;
import io.parkwatch.rules.text.Catalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The feed for upstream platforms, pulled: {@code GET /api/feed} gives what stands now as feed messages (every risk
 * level, each open alarm's latest change, the warnings of the last 24 hours, yesterday's data quality per
 * enterprise and data logger), for what the caller sees; {@code GET /api/feed/schema} gives the JSON Schema every
 * message validates against. The same messages are pushed as they happen ({@code FeedPusher}).
 */
public final class FeedApi {

    private final RiskStore risk;
    private final AlertBoard board;
    private final AlertHistory history;
    private final DataQualityStore quality;
    private final ParkConfiguration configuration;
    private final Clock clock;
    private final Object schema;

    public FeedApi(RiskStore risk, AlertBoard board, AlertHistory history, DataQualityStore quality,
            ParkConfiguration configuration, Clock clock) {
        this.risk = risk;
        this.board = board;
        this.history = history;
        this.quality = quality;
        this.configuration = configuration;
        this.clock = clock;
        try (InputStream in = FeedApi.class.getResourceAsStream("/feed/parkwatch-feed-1.schema.json")) {
            this.schema = io.parkwatch.rules.wire.WireJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Route> routes() {
        return List.of(new Route("GET", "/api/feed", c -> CompletableFuture.completedFuture(Reply.ok(pull(c)))),
                new Route("GET", "/api/feed/schema", c -> CompletableFuture.completedFuture(Reply.ok(schema))));
    }

    /** The feed's messages for this park, in its language and on its clock. */
    public static FeedMessages messages(ParkConfiguration configuration) {
        var park = configuration.registry().park();
        return new FeedMessages(park.name(), park.timeZone(), Catalogue.chinese());
    }

    private Object pull(ApiCall c) {
        FeedMessages f = messages(configuration);
        ZoneId zone = configuration.registry().park().timeZone();
        long now = clock.millis();
        List<FeedMessage> out = new ArrayList<>();
        // an operator sees the park's colour, not its reasons (they name the other enterprises)
        boolean officer = c.user().sees(RiskAssessment.PARK);
        java.util.function.UnaryOperator<RiskLevel> own = l -> officer || !RiskAssessment.PARK.equals(l.subject()) ? l
                : new RiskLevel(l.subject(), l.colour(), l.score(), List.of(), l.at());
        risk.levels().stream().filter(l -> c.user().sees(l.subject()) || RiskAssessment.PARK.equals(l.subject()))
                .map(own).map(f::riskLevel).forEach(out::add);
        for (Alert a : board.list(a -> a.state() != AlertState.CLOSED && c.user().sees(a.enterpriseId()))) {
            List<io.parkwatch.rules.model.AlertEvent> steps = history.timeline(a.alertId());
            for (int i = steps.size() - 1; i >= 0; i--) {
                var m = f.alarm(steps.get(i));
                if (m.isPresent()) {
                    out.add(m.get());
                    break;
                }
            }
        }
        risk.warnings(w -> c.user().sees(w.level().subject()) || RiskAssessment.PARK.equals(w.level().subject()), 1000)
                .stream().filter(w -> w.level().at() >= now - 86_400_000L)
                .map(w -> new RiskWarning(w.warningId(), w.seq(), w.previous(), own.apply(w.level()), w.text(),
                        List.of(), w.kind()))
                .map(f::riskWarning).forEach(out::add);
        LocalDate yesterday = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(now), zone).minusDays(1);
        long from = yesterday.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = yesterday.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        for (QualityFigures q : QualityRollup.of(quality.between(from, to, x -> c.user().sees(x.enterpriseId())))) {
            if (!q.level().equals("point")) {
                out.add(f.dataQuality(yesterday, q));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schema", FeedMessage.SCHEMA);
        body.put("messages", out);
        return body;
    }
}
