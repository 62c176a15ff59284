package io.parkwatch.console.api;

import io.parkwatch.console.park.ParkConfiguration;
import io.parkwatch.console.quality.DataQualityStore;
import io.parkwatch.rules.dataquality.PointQuality;
import io.parkwatch.rules.dataquality.QualityFigures;
import io.parkwatch.rules.dataquality.QualityRollup;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/data-quality?from=&to=}: the data quality of the points, data loggers and enterprises the caller
 * sees over whole hours in the period (by default the park's day so far): online rate, completeness, timeliness
 * (median and 95th percentile) and abnormal share, as {@link QualityRollup} adds them up.
 */
public final class DataQualityApi {

    /** At most this long a period: the store keeps about two days. */
    static final long MAX_PERIOD_MS = 8 * 24 * 3_600_000L;

    private final DataQualityStore store;
    private final ParkConfiguration configuration;
    private final Clock clock;

    public DataQualityApi(DataQualityStore store, ParkConfiguration configuration, Clock clock) {
        this.store = store;
        this.configuration = configuration;
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(new Route("GET", "/api/data-quality", c -> CompletableFuture.completedFuture(Reply.ok(view(c)))));
    }

    private Object view(ApiCall c) {
        ZoneId zone = configuration.registry().park().timeZone();
        long now = clock.millis();
        long dayStart = Instant.ofEpochMilli(now).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli();
        long from = c.time("from", dayStart);
        long to = c.time("to", now);
        if (to <= from || to - from > MAX_PERIOD_MS) {
            throw ApiException.badRequest("api.bad-period", Instant.ofEpochMilli(from), Instant.ofEpochMilli(to),
                    MAX_PERIOD_MS / 3_600_000L);
        }
        List<PointQuality> hours = store.between(from, to, q -> c.user().sees(q.enterpriseId()));
        List<QualityFigures> rows = QualityRollup.of(hours);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", Instant.ofEpochMilli(from).toString());
        out.put("to", Instant.ofEpochMilli(to).toString());
        out.put("enterprises", rows.stream().filter(r -> r.level().equals("enterprise")).toList());
        out.put("loggers", rows.stream().filter(r -> r.level().equals("logger")).toList());
        out.put("points", rows.stream().filter(r -> r.level().equals("point")).toList());
        return out;
    }
}
