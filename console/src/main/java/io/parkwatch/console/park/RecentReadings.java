package io.parkwatch.console.park;

import io.parkwatch.rules.model.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last readings of every point, for the detail view's chart and the park overview: a ring of at
 * most {@code perPoint} readings per point (the oldest is overwritten), grown on demand so a quiet point
 * costs little.
 */
public final class RecentReadings {

    /** One reading on the chart. */
    public record Sample(long t, double v, String quality) {
    }

    private final int perPoint;
    private final Map<String, Ring> points = new ConcurrentHashMap<>();

    public RecentReadings(int perPoint) {
        this.perPoint = perPoint;
    }

    /** Points kept at most (a province's registry fits; a writer inventing point ids cannot grow it further). */
    static final int MAX_POINTS = 1_000_000;

    public void add(Reading r) {
        Ring ring = points.get(r.pointId());
        if (ring == null) {
            if (points.size() >= MAX_POINTS) {
                return;
            }
            ring = points.computeIfAbsent(r.pointId(), k -> new Ring(perPoint));
        }
        ring.add(r.timestamp(), r.value(), r.quality().name());
    }

    /** Readings of the point stamped in [from, to], oldest first. */
    public List<Sample> between(String pointId, long from, long to) {
        Ring ring = points.get(pointId);
        return ring == null ? List.of() : ring.between(from, to);
    }

    /** The oldest reading the buffer still holds for the point, if any: the chart reaches back to it. */
    public Optional<Long> oldest(String pointId) {
        Ring ring = points.get(pointId);
        return ring == null ? Optional.empty() : ring.oldest();
    }

    public Optional<Sample> latest(String pointId) {
        Ring ring = points.get(pointId);
        return ring == null ? Optional.empty() : ring.latest();
    }

    private static final class Ring {
        private final int capacity;
        private long[] t = new long[16];
        private double[] v = new double[16];
        private String[] q = new String[16];
        private int head; // index of the oldest
        private int size;

        Ring(int capacity) {
            this.capacity = capacity;
        }

        synchronized void add(long time, double value, String quality) {
            if (size == t.length && size < capacity) {
                grow();
            }
            int slot = (head + size) % t.length;
            if (size == t.length) { // full: overwrite the oldest
                head = (head + 1) % t.length;
            } else {
                size++;
            }
            t[slot] = time;
            v[slot] = value;
            q[slot] = quality;
        }

        private void grow() {
            int n = Math.min(capacity, t.length * 2);
            long[] t2 = new long[n];
            double[] v2 = new double[n];
            String[] q2 = new String[n];
            for (int i = 0; i < size; i++) {
                int j = (head + i) % t.length;
                t2[i] = t[j];
                v2[i] = v[j];
                q2[i] = q[j];
            }
            t = t2;
            v = v2;
            q = q2;
            head = 0;
        }

        synchronized List<Sample> between(long from, long to) {
            List<Sample> out = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int j = (head + i) % t.length;
                if (t[j] >= from && t[j] <= to) {
                    out.add(new Sample(t[j], v[j], q[j]));
                }
            }
            // readings may arrive slightly out of order; the chart wants them by time
            out.sort((a, b) -> Long.compare(a.t(), b.t()));
            return out;
        }

        synchronized Optional<Long> oldest() {
            long min = Long.MAX_VALUE;
            for (int i = 0; i < size; i++) {
                min = Math.min(min, t[(head + i) % t.length]);
            }
            return size == 0 ? Optional.empty() : Optional.of(min);
        }

        synchronized Optional<Sample> latest() {
            if (size == 0) {
                return Optional.empty();
            }
            int best = head;
            for (int i = 0; i < size; i++) {
                int j = (head + i) % t.length;
                if (t[j] > t[best]) {
                    best = j;
                }
            }
            return Optional.of(new Sample(t[best], v[best], q[best]));
        }
    }
}
