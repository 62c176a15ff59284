package io.parkwatch.simulator;

import java.util.concurrent.atomic.AtomicLong;

/** The counting every uplink does: readings sent, acknowledged, refused by the gateway, and failed. */
public abstract class CountingUplink implements Uplink {

    protected final AtomicLong sent = new AtomicLong();
    protected final AtomicLong acked = new AtomicLong();
    protected final AtomicLong refused = new AtomicLong();
    protected final AtomicLong failed = new AtomicLong();

    @Override
    public long sent() {
        return sent.get();
    }

    @Override
    public long acknowledged() {
        return acked.get();
    }

    @Override
    public long refused() {
        return refused.get();
    }

    @Override
    public long failed() {
        return failed.get();
    }
}
