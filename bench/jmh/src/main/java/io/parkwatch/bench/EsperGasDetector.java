package io.parkwatch.bench;

import com.espertech.esper.common.client.EventBean;
import io.parkwatch.rules.engine.PointHistory;
import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.quality.QualityRule;
import io.parkwatch.rules.rate.RateRule;
import io.parkwatch.rules.threshold.ThresholdRule;
import io.parkwatch.rules.trend.TrendRule;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every per-point rule of a gas detector in the demo park, written in EPL as an Esper application would hold them:
 * the GB/T 50493 threshold ({@link EsperGasRule}), the rate of rise over 1 minute, the trend towards the alarm limit
 * over 3 minutes, and the data quality of each reading. The semantics are the core's: readings the instrument does
 * not vouch for (a quality flag other than N or S, outside the range) feed only the quality rule; rate and trend fit a
 * least-squares line through the means of equal time buckets of the trusted readings (one history per point, its
 * bucket the longest window over {@link PointHistory#CAPACITY}), judged once the buckets cover three quarters of the
 * rule's window; a rate raises at its per-minute limit and recovers below it; a trend raises while the line reaches
 * the limit within the horizon with its slope standing out of the noise, the value itself still short of it, and
 * recovers when that has not been so for its off-delay.
 *
 * <p>In EPL: the buckets are a table keyed by point and bucket; the trusted reading is merged into its bucket, and
 * then (an insert-into stream, processed after the reading) the line of each window is summed up from the table in
 * subqueries (their aggregates may not refer to the reading, so times are minutes from a fixed origin and the sums
 * shifted afterwards); each rule's open alert is a table row per point. Not quite the same arithmetic: the core
 * keeps a bucket's mean as a float and its time to 1/256 of the bucket (five bytes a bucket), EPL doubles; a decision
 * exactly on the edge of a window's coverage could fall a reading apart. On the benchmark's recording none does.
 */
final class EsperGasDetector {

    /** An alert transition of one rule: RAISED, LEVEL_CHANGED or RECOVERED, the alert's level, and when. */
    record Transition(String rule, String type, String level, long at) {
    }

    private EsperGasDetector() {
    }

    /**
     * The rules deployed on an Esper runtime of their own, their transitions collected.
     *
     * @param origin a time before the readings: the lines' times are minutes from it (see {@link #fit})
     */
    static EsperModule<Transition> deploy(Point point, ThresholdRule gas, RateRule rate, TrendRule trend,
            QualityRule quality, long origin) throws Exception {
        if (rate.direction() != Direction.HIGH || trend.direction() != Direction.HIGH) {
            throw new IllegalArgumentException("written for rising gas: rate and trend upwards");
        }
        if (!rate.hold().isZero() || !rate.offDelay().isZero() || rate.deadband() != 0 || !trend.hold().isZero()
                || !quality.onDelay().isZero()) {
            throw new IllegalArgumentException("written for the demo park's rules: no holds, no rate off-delay or"
                    + " deadband, no quality on-delay");
        }
        long bucket = Math.max(rate.window().toMillis(), trend.window().toMillis()) / PointHistory.CAPACITY;
        String flags = quality.flags().stream().map(q -> "'" + q.name() + "'").sorted().collect(Collectors.joining(", "));
        String epl = String.format(Locale.ROOT, """
                create table QualityState(pointId string primary key, open boolean);
                insert into QualityStep select pointId, ts,
                  (quality in (%1$s) or value < %2$s or value > %3$s) as bad,
                  coalesce(QualityState[pointId].open, false) as open
                from Reading;
                on QualityStep s merge QualityState q where q.pointId = s.pointId
                  when matched then update set open = s.bad
                  when not matched then insert select s.pointId as pointId, s.bad as open;
                @name('quality') select case when bad then 'RAISED' else 'RECOVERED' end as type, ts
                from QualityStep where bad != open;

                insert into Trusted select pointId, ts, value from Reading
                where quality in ('N', 'S') and value >= %2$s and value <= %3$s;

                create table Buckets(pointId string primary key, period long primary key, n long, st double, sv double);
                on Trusted t merge Buckets b where b.pointId = t.pointId and b.period = t.ts / %4$d
                  when matched then update set n = b.n + 1, st = b.st + t.ts, sv = b.sv + t.value
                  when not matched then insert select t.pointId as pointId, t.ts / %4$d as period, 1L as n,
                    cast(t.ts, double) as st, t.value as sv;
                on Trusted t delete from Buckets b where b.pointId = t.pointId and b.period <= t.ts / %4$d - %5$d;
                insert into Judged select pointId, ts, value from Trusted;
                insert into Newest select pointId, ts, value,
                  (select b.st / b.n from Buckets as b where b.pointId = j.pointId and b.period = j.ts / %4$d) as newest
                from Judged as j;
                """, flags, num(point.rangeLow()), num(point.rangeHigh()), bucket, PointHistory.SLOTS)
                + fit("Rate", rate.window().toMillis(), 3, origin)
                + fit("Trend", trend.window().toMillis(), 10, origin)
                + String.format(Locale.ROOT, """
                create table RateState(pointId string primary key, open boolean);
                insert into RateStep select pointId, ts, slope, coalesce(RateState[pointId].open, false) as open
                from RateFit where fitted;
                on RateStep s merge RateState r where r.pointId = s.pointId
                  when matched then update set open = s.slope >= %1$s
                  when not matched then insert select s.pointId as pointId, s.slope >= %1$s as open;
                @name('rate') select case when open then 'RECOVERED' else 'RAISED' end as type, ts
                from RateStep where (slope >= %1$s) != open;

                create table TrendState(pointId string primary key, open boolean, clearSince long);
                insert into TrendJudged select pointId, ts,
                  (value < %2$s and slope > 0 and %2$s - fittedNow > 0 and (stderr = 0 or slope / stderr >= %3$s)
                   and (%2$s - fittedNow) / slope <= %4$s) as heading,
                  coalesce(TrendState[pointId].open, false) as open, TrendState[pointId].clearSince as clearSince
                from TrendFit where fitted;
                insert into TrendCleared select pointId, ts, heading, open,
                  case when open and not heading then coalesce(clearSince, ts) else null end as cs
                from TrendJudged;
                insert into TrendStep select pointId, ts, open, cs,
                  case when not open and heading then 'RAISED'
                       when open and not heading and ts - cs >= %5$d then 'RECOVERED'
                       else null end as type
                from TrendCleared;
                on TrendStep s merge TrendState r where r.pointId = s.pointId
                  when matched then update
                    set open = case when s.type = 'RAISED' then true when s.type = 'RECOVERED' then false else s.open end,
                        clearSince = case when s.type is null then s.cs else null end
                  when not matched then insert select s.pointId as pointId,
                    case when s.type = 'RAISED' then true else false end as open, s.cs as clearSince;
                @name('trend') select type, ts from TrendStep where type is not null;
                """, num(rate.perMinute().of(rate.perMinute().lowestLevel())), num(trend.limit()),
                        num(trend.significance()), num(trend.horizon().toMillis() / 60_000.0),
                        trend.offDelay().toMillis())
                + EsperGasRule.epl(gas, "Trusted", "Gas");
        EsperModule<Transition> module = new EsperModule<>(epl, EsperReading.class, true); // a bucket: ts / width
        module.listen("quality", e -> transition(e, quality.id(), quality.level().name()));
        module.listen("rate", e -> transition(e, rate.id(), rate.perMinute().lowestLevel().name()));
        module.listen("trend", e -> transition(e, trend.id(), trend.level().name()));
        module.listen("Gastransitions", e -> transition(e, gas.id(),
                ((Number) e.get("level")).intValue() == 2 ? "CRITICAL" : "ALARM"));
        return module;
    }

    private static Transition transition(EventBean e, String rule, String level) {
        return new Transition(rule, (String) e.get("type"), level, ((Number) e.get("ts")).longValue());
    }

    /**
     * The line through the buckets of the last {@code windowMs} before the newest bucket's mean time, as sums (time
     * in minutes from the newest bucket): judged ({@code fitted}) with at least {@code minBuckets} buckets covering
     * three quarters of the window.
     */
    private static String fit(String name, long windowMs, int minBuckets, long origin) {
        String in = "from Buckets as b where b.pointId = w.pointId and b.st / b.n >= w.newest - " + windowMs;
        // a subquery's aggregate may not use the outer event: times in minutes from a fixed origin, shifted after
        String x = "((b.st / b.n - " + origin + ") / 60000.0)";
        return String.format(Locale.ROOT, """
                insert into %1$sSums select pointId, ts, value, newest, (newest - %6$d) / 60000.0 as xNewest,
                  (select count(*) %2$s) as n,
                  (select min(b.st / b.n) %2$s) as first,
                  (select sum(%3$s) %2$s) as sx,
                  (select sum(b.sv / b.n) %2$s) as sy,
                  (select sum(%3$s * %3$s) %2$s) as sxx,
                  (select sum(%3$s * b.sv / b.n) %2$s) as sxy,
                  (select sum(b.sv / b.n * b.sv / b.n) %2$s) as syy
                from Newest as w;
                insert into %1$sFit select pointId, ts, value,
                  n >= %4$d and n >= 3 and newest - first >= %5$d and sxx - sx * sx / n > 0 as fitted,
                  (sxy - sx * sy / n) / (sxx - sx * sx / n) as slope,
                  Math.sqrt(Math.max(0, (syy - sy * sy / n) - (sxy - sx * sy / n) * (sxy - sx * sy / n) / (sxx - sx * sx / n))
                    / (n - 2) / (sxx - sx * sx / n)) as stderr,
                  sy / n + (sxy - sx * sy / n) / (sxx - sx * sx / n) * (xNewest - sx / n) as fittedNow
                from %1$sSums;
                """, name, in, x, minBuckets, windowMs * 3 / 4, origin);
    }

    private static String num(double d) {
        return EsperGasRule.num(d);
    }

}
