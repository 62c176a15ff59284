package io.parkwatch.job;

import io.parkwatch.rules.dataquality.PointHour;
import io.parkwatch.rules.dataquality.PointQuality;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.ruleset.RuleEngine;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * Data quality as the national system measures it, per point and hour: readings in, each point's hour out when the
 * watermark passes the hour's end ({@link PointHour} adds up, in the core). Keyed by enterprise, so an hour closes
 * for every point of the registry, the silent ones too (0 % online, nothing received); the next hour's end is then
 * due whether readings come or not, as long as the enterprise has points.
 */
final class DataQualityFunction extends ConfigFollowingFunction<Reading, PointQuality> {

    /** The rules' own judgement of late readings: what they refuse is not counted, what they evaluate is. */
    private final Lateness lateness;
    /**
     * "point|hourStart" -> the hour so far: a POJO (Flink's serializer, which takes added fields), not JSON, since it
     * changes with every reading
     */
    private transient MapState<String, PointHour> hours;
    /** point -> time of its latest reading */
    private transient MapState<String, Long> lastSeen;

    DataQualityFunction(ParkConfig config, Lateness lateness) {
        super(config);
        this.lateness = lateness;
    }

    @Override
    public void open(OpenContext ctx) {
        hours = getRuntimeContext().getMapState(new MapStateDescriptor<>("quality-hours", Types.STRING,
                TypeInformation.of(PointHour.class)));
        lastSeen = getRuntimeContext().getMapState(new MapStateDescriptor<>("quality-last", Types.STRING, Types.LONG));
    }

    @Override
    public void processElement(Reading r, ReadOnlyContext ctx, Collector<PointQuality> out) throws Exception {
        RuleEngine engine = engine(ctx);
        Optional<Point> point = engine.point(r.pointId());
        long watermark = ctx.timerService().currentWatermark();
        Long seen = point.isEmpty() ? null : lastSeen.get(r.pointId());
        if (point.isEmpty() || !lateness.evaluated(r.timestamp(), watermark, seen)) {
            return; // refused by the rules (unknown point, late): on the rejected topic with its reason
        }
        long hour = PointHour.hourOf(r.timestamp());
        if (hour + PointQuality.HOUR_MS <= watermark) {
            return; // evaluated by the rules, but its hour has been reported already
        }
        String key = key(r.pointId(), hour);
        PointHour h = hour(key, r.pointId(), hour, seen);
        h.add(r, point.get());
        hours.put(key, h);
        if (seen == null || r.timestamp() > seen) {
            lastSeen.put(r.pointId(), r.timestamp());
        }
        ctx.timerService().registerEventTimeTimer(hour + PointQuality.HOUR_MS);
    }

    @Override
    public void onTimer(long end, OnTimerContext ctx, Collector<PointQuality> out) throws Exception {
        RuleEngine engine = engine(ctx);
        long hour = end - PointQuality.HOUR_MS;
        boolean any = false;
        for (Point p : engine.registry().pointsOf(ctx.getCurrentKey())) {
            any = true;
            PointHour known = hours.get(key(p.id(), hour));
            // the point's latest time is read only for an hour it sent nothing in, not for every point every hour
            PointHour h = known != null ? known : hour(key(p.id(), hour), p.id(), hour, lastSeen.get(p.id()));
            out.collect(h.close(p));
            hours.remove(key(p.id(), hour));
            // the next hour continues from this one's last reading (online into it for what remains of its intervals)
            if (!hours.contains(key(p.id(), end))) {
                hours.put(key(p.id(), end), PointHour.starting(end, h.last));
            }
        }
        if (any) { // the next hour is reported even if nothing comes
            ctx.timerService().registerEventTimeTimer(end + PointQuality.HOUR_MS);
        }
    }

    /**
     * The point's hour so far, or a new one continuing from its reading before the hour.
     *
     * @param key  the hour's key ({@link #key}), made once per reading
     * @param seen the point's latest reading's time, or null
     */
    private PointHour hour(String key, String point, long hour, Long seen) throws Exception {
        PointHour known = hours.get(key);
        if (known != null) {
            return known;
        }
        PointHour before = hours.get(key(point, hour - PointQuality.HOUR_MS));
        long last;
        if (before != null) {
            last = before.last;
        } else {
            last = seen != null && seen < hour ? seen : 0;
        }
        return PointHour.starting(hour, last);
    }

    private static String key(String point, long hour) {
        return point + "|" + hour;
    }
}
