package io.parkwatch.platform.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a process started, closed in the reverse order of starting: the last part started (the one that
 * takes input, such as a device port) stops first, and what it feeds (Kafka producers, the broker) stops
 * after it. A part that fails to close is logged and the rest are still closed.
 */
public final class Parts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Parts.class);

    private final String owner;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    public Parts(String owner) {
        this.owner = owner;
    }

    /** Registers a started part and returns it. */
    public synchronized <T extends AutoCloseable> T add(T part) {
        started.push(part);
        return part;
    }

    @Override
    public void close() {
        while (true) {
            AutoCloseable part;
            synchronized (this) {
                part = started.poll();
            }
            if (part == null) {
                return;
            }
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("while stopping the {}: {} did not close cleanly: {}", owner, part.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }
}
