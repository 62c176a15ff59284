package io.parkwatch.console.notify;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel's delivery: its own consumer group on the alert events, its own thread (and lanes, for a channel
 * that takes events in parallel: one alert's events in one lane, in order), a time limit on every attempt, its own
 * retries with backoff, and its own committed progress (after each batch; every event's delivery is recorded before
 * the next of its lane).
 * A channel that hangs or is down therefore delays nobody but itself. Health is kept for the console and
 * {@code /metrics}.
 */
final class ChannelWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelWorker.class);

    private final Channel channel;
    private final NotifierSettings settings;
    private final DeliveryLog log;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final Map<TopicPartition, OffsetAndMetadata> legacyStart;
    private final FloodFolding folding;
    private final ExecutorService attempts;
    private final ExecutorService lanes;
    private volatile boolean running = true;

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong gaveUp = new AtomicLong();
    private volatile long headTimestamp; // the event being delivered now (0: none)
    private volatile long lastSuccessAt;
    private volatile long failingSinceAt;
    private volatile String lastError;
    private volatile boolean reportedFailing;

    /** @param folding folds a flood's events into digests per incident, or null (every event on its own) */
    ChannelWorker(Channel channel, NotifierSettings settings, DeliveryLog log,
            Map<TopicPartition, OffsetAndMetadata> legacyStart, FloodFolding folding) {
        this.channel = channel;
        this.folding = channel.forPeople() ? folding : null;
        this.settings = settings;
        this.log = log;
        this.legacyStart = legacyStart;
        this.attempts = attemptThreads();
        this.lanes = laneThreads();
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupOf(channel.name()),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50,
                // a channel that is down holds its thread for attempts x (timeout + backoff): stay in the group
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofHours(2).toMillis()),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new DefaultThreadFactory("notifier-" + channel.name(), true).newThread(this::run);
        this.thread.start();
    }

    private ExecutorService attemptThreads() {
        return Executors.newCachedThreadPool(new DefaultThreadFactory("notifier-" + channel.name() + "-attempt", true));
    }

    /** The lanes of a channel that takes events in parallel; null for one that takes them one at a time. */
    private ExecutorService laneThreads() {
        return channel.lanes() <= 1 ? null : Executors.newFixedThreadPool(channel.lanes(),
                new DefaultThreadFactory("notifier-" + channel.name() + "-lane", true));
    }

    String name() {
        return channel.name();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.ALERT_EVENTS, Topics.RISK_WARNINGS), new StartingPoint());
            long pause = 1000;
            while (running) {
                try {
                    deliverBatch(consumer.poll(Duration.ofMillis(500)));
                    deliverDigests();
                    checkFailing();
                    pause = 1000;
                } catch (WakeupException | InterruptException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // Kafka unreachable (a delivery could not be recorded or committed), or anything else: this
                    // channel must not stop for good. Back off, go back to what is committed, and go on; a
                    // delivery done but not recorded is done again (same idempotency key).
                    lastError = "paused: " + e.getMessage();
                    if (failingSinceAt == 0) {
                        failingSinceAt = System.currentTimeMillis();
                    }
                    LOG.error("notifier channel {}: {}; trying again in {} ms", channel.name(), e.toString(), pause);
                    pause(Duration.ofMillis(pause));
                    pause = Math.min(pause * 2, 30_000);
                    rewindToCommitted();
                }
            }
        } catch (WakeupException | InterruptException e) {
            // closing
        } finally {
            // the interrupt that took it out of a pause would fail the close (and leave the group uncleanly)
            Thread.interrupted();
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("notifier channel {}: closing its consumer: {}", channel.name(), e.toString());
            }
        }
    }

    /**
     * The batch's events, then its progress committed once. A channel of one lane takes them one by one, each
     * decided (already delivered? folded into a flood's digest?) just before it goes. A channel of several decides
     * the batch's in order first, then delivers them in its lanes, each alert's in one lane in order. Each delivery
     * is recorded before the next of its lane; a worker stopped or failing within the batch commits nothing of it,
     * reads it again and skips those recorded as done.
     */
    private void deliverBatch(ConsumerRecords<String, byte[]> batch) {
        Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
        List<Due> due = new ArrayList<>();
        Set<String> inBatch = new HashSet<>(); // the topic is written at least once: an event may come twice in one
        for (ConsumerRecord<String, byte[]> r : batch) {
            if (!running) {
                return; // what is not recorded is delivered by the next run
            }
            for (AlertEvent e : events(r)) {
                if (lanes == null) {
                    deliverNow(r.timestamp(), e);
                } else if (toDeliver(e) && inBatch.add(e.eventId())) {
                    due.add(new Due(r.timestamp(), e));
                }
            }
            progress.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        }
        deliverInLanes(due);
        if (running && !progress.isEmpty()) {
            consumer.commitSync(progress);
        }
    }

    /** One event of a channel of one lane, if it is still to deliver now. */
    private void deliverNow(long recordTimestamp, AlertEvent e) {
        if (!running || !toDeliver(e)) {
            return;
        }
        headTimestamp = recordTimestamp;
        try {
            deliver(e);
        } finally {
            headTimestamp = 0;
        }
    }

    /** An event to deliver, with its record's time (how long it has been waiting). */
    private record Due(long recordTimestamp, AlertEvent event) {
    }

    /**
     * Delivers them all in the channel's lanes: one alert's events in one lane, in order. Returns when every lane
     * is done; a failure to record a delivery (Kafka unreachable) is thrown once all lanes have stopped.
     */
    private void deliverInLanes(List<Due> due) {
        if (due.isEmpty()) {
            return;
        }
        // the oldest being delivered: the channel's lag
        headTimestamp = due.stream().mapToLong(Due::recordTimestamp).min().orElse(0);
        try {
            List<List<AlertEvent>> byLane = new ArrayList<>();
            for (int i = 0; i < channel.lanes(); i++) {
                byLane.add(new ArrayList<>());
            }
            for (Due d : due) {
                byLane.get(Math.floorMod(d.event().alertId().hashCode(), byLane.size())).add(d.event());
            }
            List<Future<?>> inFlight = new ArrayList<>();
            for (List<AlertEvent> lane : byLane) {
                if (!lane.isEmpty()) {
                    inFlight.add(lanes.submit(() -> lane.forEach(e -> {
                        if (running) {
                            deliver(e);
                        }
                    })));
                }
            }
            awaitLanes(inFlight);
        } finally {
            headTimestamp = 0;
        }
    }

    /** Waits for every lane; the first failure is thrown after all have stopped (none goes on alone). */
    private void awaitLanes(List<Future<?>> lanesRunning) {
        RuntimeException failed = null;
        for (Future<?> f : lanesRunning) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false; // closing: the lanes stop after their delivery in hand
                lanesRunning.forEach(x -> x.cancel(true));
                throw new InterruptException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (failed == null) {
                    failed = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** A flood's digests that are due: one message per incident (and person), delivered like any event. */
    private void deliverDigests() {
        if (folding == null) {
            return;
        }
        for (AlertEvent digest : folding.due()) {
            if (!running) {
                return;
            }
            deliver(digest);
        }
    }

    /** After a failure in a batch: the records after the last commit are read again, none is skipped. */
    private void rewindToCommitted() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(consumer.assignment());
            for (TopicPartition tp : consumer.assignment()) {
                OffsetAndMetadata c = committed.get(tp);
                if (c != null) {
                    consumer.seek(tp, c.offset());
                } else {
                    consumer.seekToBeginning(List.of(tp));
                }
            }
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (RuntimeException e) {
            // still unreachable: positions stay; the next failure rewinds again before anything is committed
            LOG.debug("notifier channel {}: cannot read committed offsets yet: {}", channel.name(), e.toString());
        }
    }

    /** The record's events: an alert event, or the notices of a risk warning; none if it does not read. */
    private List<AlertEvent> events(ConsumerRecord<String, byte[]> r) {
        try {
            return Topics.RISK_WARNINGS.equals(r.topic())
                    ? RiskNotices.of(WireJson.read(r.value(), io.parkwatch.rules.risk.RiskWarning.class))
                    : List.of(WireJson.alertEvent(r.value()));
        } catch (RuntimeException ex) {
            LOG.warn("notifier {}: unreadable record of {} at offset {}: {}", channel.name(), r.topic(), r.offset(),
                    ex.getMessage());
            return List.of();
        }
    }

    /** Whether the event is this channel's to deliver now: wanted, not delivered before, not folded into a digest. */
    private boolean toDeliver(AlertEvent e) {
        if (!channel.accepts(e) || (channel.forPeople() && !e.announced())) {
            return false;
        }
        String key = channel.name() + "|" + e.eventId();
        if (log.finished(key).isPresent()) {
            return false; // delivered (or given up) before: never twice
        }
        if (folding != null && folding.fold(e)) {
            log.record(new DeliveryRecord(channel.name(), e.eventId(), e.alertId(), DeliveryRecord.FOLDED, 0, null,
                    System.currentTimeMillis()));
            return false;
        }
        return true;
    }

    private void deliver(AlertEvent e) {
        String error = null;
        for (int attempt = 1; attempt <= settings.maxAttempts() && running; attempt++) {
            boolean done;
            try {
                attempt(e);
                done = true;
            } catch (Exception ex) {
                done = false;
                error = ex instanceof TimeoutException ? "no answer within " + settings.attemptTimeout().toMillis() + " ms"
                        : String.valueOf(ex.getMessage());
            }
            // recording is not part of the attempt: if Kafka cannot take the record, the worker backs off and
            // comes back to this event (delivered again, same idempotency key), it does not count as a failure
            if (done) {
                log.record(new DeliveryRecord(channel.name(), e.eventId(), e.alertId(), DeliveryRecord.DELIVERED,
                        attempt, error, System.currentTimeMillis()));
                delivered.incrementAndGet();
                lastSuccessAt = System.currentTimeMillis();
                failingSinceAt = 0;
                if (reportedFailing) {
                    reportedFailing = false;
                    LOG.info("notifier channel {} delivers again", channel.name());
                }
                return;
            } else {
                failedAttempts.incrementAndGet();
                lastError = error;
                if (failingSinceAt == 0) {
                    failingSinceAt = System.currentTimeMillis();
                }
                log.record(new DeliveryRecord(channel.name(), e.eventId(), e.alertId(), DeliveryRecord.FAILED, attempt,
                        error, System.currentTimeMillis()));
                LOG.warn("notifier: {} attempt {} for event {} failed: {}", channel.name(), attempt, e.eventId(), error);
                checkFailing();
                if (attempt < settings.maxAttempts()) {
                    pause(settings.backoffBefore(attempt + 1));
                }
            }
        }
        if (running) {
            log.record(new DeliveryRecord(channel.name(), e.eventId(), e.alertId(), DeliveryRecord.GAVE_UP,
                    settings.maxAttempts(), error, System.currentTimeMillis()));
            gaveUp.incrementAndGet();
            LOG.error("notifier: gave up delivering event {} on {} after {} attempts: {}", e.eventId(), channel.name(),
                    settings.maxAttempts(), error);
        }
    }

    /**
     * One attempt, within the time limit whatever the channel does: on a thread of its own (one per lane at most
     * while attempts end in time); a hung attempt is interrupted and, if it does not end, its thread abandoned.
     */
    private void attempt(AlertEvent e) throws Exception {
        Future<?> f = attempts.submit(() -> {
            channel.deliver(e);
            return null;
        });
        try {
            f.get(settings.attemptTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException ex) {
            f.cancel(true);
            throw ex;
        } catch (java.util.concurrent.ExecutionException ex) {
            throw ex.getCause() instanceof Exception c ? c : ex;
        }
    }

    private void checkFailing() {
        long since = failingSinceAt;
        if (since != 0 && !reportedFailing
                && System.currentTimeMillis() - since >= settings.failingAlarmAfter().toMillis()) {
            reportedFailing = true;
            LOG.error("notifier channel {} has been failing for {} s: alert events are NOT reaching it (last error: {})",
                    channel.name(), (System.currentTimeMillis() - since) / 1000, lastError);
        }
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** @param waiting events after this channel's committed progress (its consumer lag) */
    ChannelHealth health(long waiting) {
        long now = System.currentTimeMillis();
        long head = headTimestamp;
        long since = failingSinceAt;
        return new ChannelHealth(channel.name(), waiting, head == 0 ? 0 : Math.max(0, now - head),
                lastSuccessAt, since, since != 0 && now - since >= settings.failingAlarmAfter().toMillis(), lastError,
                delivered.get(), failedAttempts.get(), gaveUp.get());
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        thread.interrupt(); // out of a backoff pause
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        attempts.shutdownNow();
        if (lanes != null) {
            lanes.shutdownNow();
        }
        try {
            channel.close();
        } catch (Exception e) {
            LOG.debug("closing {}: {}", channel.name(), e.toString());
        }
    }

    /**
     * Where a channel without progress of its own starts: where the notifier's former shared group stood
     * (an upgrade repeats and skips nothing), else the events of the last catch-up period (a channel added
     * to a running park gets the alarms still current, not the park's whole history).
     */
    private final class StartingPoint implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
            Map<TopicPartition, Long> since = new HashMap<>();
            for (TopicPartition tp : partitions) {
                if (committed.get(tp) != null) {
                    continue;
                }
                OffsetAndMetadata legacy = legacyStart.get(tp);
                if (legacy != null) {
                    consumer.seek(tp, legacy.offset());
                } else {
                    since.put(tp, System.currentTimeMillis() - settings.newChannelCatchUp().toMillis());
                }
            }
            if (!since.isEmpty()) {
                io.parkwatch.platform.kafka.TopicPositions.seekToTimes(consumer, since);
                LOG.info("notifier channel {}: no progress of its own yet, starting with the events of the last {}",
                        channel.name(), settings.newChannelCatchUp());
            }
        }
    }
}
