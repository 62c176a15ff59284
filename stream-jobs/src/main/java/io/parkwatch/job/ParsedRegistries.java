package io.parkwatch.job;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.PointRegistryWire;
import io.parkwatch.rules.config.YamlSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The points registry as the process that built the job parsed it, carried to the TaskManagers in the job graph
 * ({@link ParkConfig}), so that they read it from compact bytes instead of parsing its YAML again.
 *
 * <p>Why: after a TaskManager is lost, nothing reaches a person until its replacement has the rule engine again, and at
 * 1,000,000 points that was a parse of 105 MB of YAML (about 25 s of the 48-54 s from the kill to the next alarm,
 * measured with a flight recording). The JobManager has parsed the same text already, to refuse a configuration that
 * does not hold together before it submits the job. What it parsed is handed on only for the very same text: a
 * registry applied later (on the config topic, in broadcast state) is parsed from its YAML as before.
 */
final class ParsedRegistries {

    private static final Logger LOG = LoggerFactory.getLogger(ParsedRegistries.class);
    /** Points text to its registry's bytes, as written here or received in the job graph. */
    private static final Map<String, byte[]> CARRIED = new RecentlyUsed<>(2);
    /** How many registries were read from carried bytes (what a test asks: whether the YAML was skipped). */
    private static final AtomicLong READ_FROM_CARRIED = new AtomicLong();

    private ParsedRegistries() {
    }

    /** The registry of these points as bytes, if this process has parsed it (a JobManager checking the job); else null. */
    static byte[] toCarry(String points) {
        if (points == null) {
            return null;
        }
        synchronized (CARRIED) {
            byte[] known = CARRIED.get(points);
            if (known != null) {
                return known;
            }
        }
        Optional<PointRegistry> parsed = SharedEngines.parsedRegistry(points);
        if (parsed.isEmpty()) {
            return null;
        }
        byte[] bytes = PointRegistryWire.write(parsed.get());
        synchronized (CARRIED) {
            CARRIED.put(points, bytes);
        }
        return bytes;
    }

    /** What arrived in the job graph with these points. */
    static void carried(String points, byte[] bytes) {
        if (points != null && bytes != null) {
            synchronized (CARRIED) {
                CARRIED.putIfAbsent(points, bytes);
            }
        }
    }

    /** The registry of these points: read from the bytes carried with them, else parsed from the YAML. */
    static PointRegistry registry(String points) {
        byte[] bytes;
        synchronized (CARRIED) {
            bytes = CARRIED.get(points);
        }
        if (bytes != null) {
            try {
                long start = System.nanoTime();
                PointRegistry r = PointRegistryWire.read(bytes);
                READ_FROM_CARRIED.incrementAndGet();
                LOG.info("points registry read as the job's builder parsed it: {} points in {} ms", r.points().size(),
                        (System.nanoTime() - start) / 1_000_000);
                return r;
            } catch (RuntimeException e) {
                LOG.warn("points registry carried in the job graph unreadable ({}); parsing its YAML", e.getMessage());
                synchronized (CARRIED) {
                    CARRIED.remove(points, bytes); // not tried again
                }
            }
        }
        return PointRegistryFile.parse(YamlSource.parse("points.yaml", points));
    }

    static long readFromCarried() {
        return READ_FROM_CARRIED.get();
    }
}
