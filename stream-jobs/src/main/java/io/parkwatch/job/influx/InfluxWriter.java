package io.parkwatch.job.influx;

import org.apache.flink.util.concurrent.ExecutorThreadFactory;
import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.exceptions.InfluxException;
import io.parkwatch.job.InfluxSettings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers lines and writes them from a background thread, so a slow or absent server never blocks
 * the task thread (unless the buffer is full: then it must, or memory would grow without bound).
 * Lines leave the buffer only once the server accepted them.
 */
final class InfluxWriter<T> implements StatefulSinkWriter<T, List<String>> {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxWriter.class);
    private static final long MAX_BACKOFF_MS = 30_000;

    private final String name;
    private final InfluxSettings settings;
    private final LineProtocol.Mapper<T> mapper;
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private final InfluxDBClient client;
    private final WriteApiBlocking api;
    private final ScheduledExecutorService io;
    private long backoffMs;
    private long nextAttemptAt;
    private boolean down;

    InfluxWriter(String name, InfluxSettings settings, LineProtocol.Mapper<T> mapper, List<String> recovered) {
        this.name = name;
        this.settings = settings;
        this.mapper = mapper;
        this.pending.addAll(recovered);
        this.client = InfluxDBClientFactory.create(InfluxDBClientOptions.builder()
                .url(settings.url())
                .authenticateToken(settings.token().toCharArray())
                .org(settings.org())
                .bucket(settings.bucket())
                .build());
        this.api = client.getWriteApiBlocking();
        this.io = Executors.newSingleThreadScheduledExecutor(new ExecutorThreadFactory("influx-writer-" + name));
        long every = Math.max(50, settings.flushInterval().toMillis());
        io.scheduleWithFixedDelay(this::drain, every, every, TimeUnit.MILLISECONDS);
        if (!recovered.isEmpty()) {
            LOG.info("{}: {} line(s) from the last checkpoint will be written again", name, recovered.size());
        }
    }

    @Override
    public void write(T element, Context context) throws InterruptedException {
        String line = mapper.apply(element);
        synchronized (pending) {
            while (pending.size() >= settings.maxBuffered()) {
                pending.wait(1000); // back-pressure: the server has been down long enough to fill the buffer
            }
            pending.addLast(line);
            if (pending.size() >= settings.batchSize()) {
                io.execute(this::drain);
            }
        }
    }

    /** Called before each checkpoint: try to get everything out; what is left goes into the checkpoint. */
    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        long waitMs = endOfInput ? 30_000 : 2_000;
        try {
            io.submit(this::drain).get(waitMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // still pending: kept in the checkpoint and retried
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    @Override
    public List<List<String>> snapshotState(long checkpointId) {
        synchronized (pending) {
            return pending.isEmpty() ? List.of() : List.of(List.copyOf(pending));
        }
    }

    /** Writes batches until the buffer is empty or the server fails; runs on the io thread only. */
    private void drain() {
        if (System.currentTimeMillis() < nextAttemptAt) {
            return;
        }
        while (true) {
            List<String> batch = new ArrayList<>(settings.batchSize());
            synchronized (pending) {
                var it = pending.iterator();
                while (it.hasNext() && batch.size() < settings.batchSize()) {
                    batch.add(it.next());
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                api.writeRecords(WritePrecision.MS, batch);
                if (down) {
                    LOG.info("{}: InfluxDB at {} accepts writes again", name, settings.url());
                    down = false;
                }
                backoffMs = 0;
                nextAttemptAt = 0;
            } catch (InfluxException e) {
                if (e.status() >= 400 && e.status() < 500 && e.status() != 429 && e.status() != 408) {
                    // The server refuses these lines for good (bad data); retrying would block the rest.
                    LOG.error("{}: InfluxDB refused {} line(s) ({}), dropping them; first: {}", name, batch.size(),
                            e.getMessage(), batch.get(0));
                } else {
                    failed(e);
                    return;
                }
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
            synchronized (pending) {
                for (int i = 0; i < batch.size(); i++) {
                    pending.pollFirst();
                }
                pending.notifyAll();
            }
        }
    }

    private void failed(Exception e) {
        backoffMs = backoffMs == 0 ? 500 : Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        nextAttemptAt = System.currentTimeMillis() + backoffMs;
        int held;
        synchronized (pending) {
            held = pending.size();
        }
        if (!down) {
            LOG.warn("{}: cannot write to InfluxDB at {} ({}); holding {} line(s), retrying with backoff", name,
                    settings.url(), e.getMessage(), held);
            down = true;
        } else {
            LOG.debug("{}: InfluxDB still unavailable, {} line(s) held, next try in {} ms", name, held, backoffMs);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            io.submit(this::drain).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("{}: final flush incomplete: {}", name, e.toString());
        }
        io.shutdownNow();
        client.close();
    }
}
