package io.parkwatch.console.quality;

import io.parkwatch.rules.dataquality.PointQuality;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Each point's hours of data quality as the job reports them ({@code parkwatch.data-quality}), for the console's page
 * and API. Bounded: beyond {@code max} point-hours the oldest hours go first (the daily report reads the topic).
 */
public final class DataQualityStore {

    private final int max;
    /** hour start -> point -> its hour */
    private final TreeMap<Long, Map<String, PointQuality>> byHour = new TreeMap<>();
    private int size;

    public DataQualityStore(int max) {
        this.max = max;
    }

    public synchronized void add(PointQuality q) {
        if (byHour.computeIfAbsent(q.hourStart(), h -> new java.util.HashMap<>()).put(q.pointId(), q) == null) {
            size++;
        }
        while (size > max && !byHour.isEmpty()) {
            size -= byHour.pollFirstEntry().getValue().size();
        }
    }

    /** The point-hours starting in [from, to) that pass {@code visible}. */
    public synchronized List<PointQuality> between(long from, long to, Predicate<PointQuality> visible) {
        List<PointQuality> out = new ArrayList<>();
        byHour.subMap(from, true, to, false).values().forEach(m -> m.values().stream().filter(visible).forEach(out::add));
        return out;
    }
}
