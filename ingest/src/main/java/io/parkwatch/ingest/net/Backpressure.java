package io.parkwatch.ingest.net;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the records waiting for Kafka bounded. Above the high-water mark every device connection stops
 * being read (Netty autoRead off: TCP pushes back to the devices, which keep their unacknowledged
 * messages); below the low-water mark reading resumes. Nothing is dropped and memory does not grow
 * while Kafka is slow or down.
 */
public final class Backpressure {

    private static final Logger LOG = LoggerFactory.getLogger(Backpressure.class);

    private final long high;
    private final long low;
    private final AtomicLong inFlight = new AtomicLong();
    private final ChannelGroup channels = new DefaultChannelGroup("device-connections", GlobalEventExecutor.INSTANCE);
    private boolean paused;

    public Backpressure(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /** A device connection to pause and resume with the others. */
    public void register(Channel ch) {
        channels.add(ch);
        synchronized (this) {
            if (paused) {
                ch.config().setAutoRead(false);
            }
        }
    }

    /** Turns reading on for a channel that paused itself (e.g. during login), unless all are paused. */
    public synchronized void allowRead(Channel ch) {
        ch.config().setAutoRead(!paused);
    }

    public void taken(int records) {
        if (inFlight.addAndGet(records) >= high) {
            flip(true);
        }
    }

    public void done(int records) {
        if (inFlight.addAndGet(-records) <= low) {
            flip(false);
        }
    }

    private synchronized void flip(boolean pause) {
        if (paused == pause) {
            return;
        }
        long n = inFlight.get();
        if (pause ? n < high : n > low) {
            return; // changed meanwhile
        }
        paused = pause;
        if (pause) {
            LOG.warn("{} records waiting for Kafka: pausing reads from {} device connection(s)", n, channels.size());
        } else {
            LOG.info("Kafka caught up ({} records waiting): reading from devices again", n);
        }
        for (Channel ch : channels) {
            ch.config().setAutoRead(!pause);
        }
    }

    public long inFlight() {
        return inFlight.get();
    }

    public synchronized boolean paused() {
        return paused;
    }
}
