package io.parkwatch.console.feed;

import io.parkwatch.console.quality.DataQualityStore;
import io.parkwatch.rules.dataquality.PointQuality;
import io.parkwatch.rules.dataquality.QualityFigures;
import io.parkwatch.rules.dataquality.QualityRollup;
import io.parkwatch.rules.risk.RiskLevel;
import io.parkwatch.rules.risk.RiskWarning;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * Pushes the feed to the upstream platform: risk levels, risk warnings, alarm changes and each day's data quality,
 * read from their topics with a consumer group of its own ({@code parkwatch-feed}) and committed only once every
 * target has taken the messages, so a platform that is down, or a restart, loses nothing (the platform
 * deduplicates by message id). A target that refuses is tried again with a doubling pause up to 30 s, for as long
 * as it takes: the feed is a record, not an alarm, and no person waits behind it. A day's data quality is sent once
 * its last hour is over (when the next day's first hours come in), from the console's store of hours.
 */
public final class FeedPusher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPusher.class);
    static final String GROUP = "parkwatch-feed";
    /** how long after the next day's first hour the day is summed (the store has read the day's last hours) */
    static final Duration SETTLE = Duration.ofSeconds(20);

    private final List<FeedTarget> targets;
    private final Supplier<FeedMessages> messages;
    private final Supplier<ZoneId> zone;
    private final DataQualityStore quality;
    private final Duration catchUp;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    /** days whose data quality is due, and when */
    private final TreeMap<LocalDate, Long> daysDue = new TreeMap<>();
    private LocalDate lastDaySent;
    private volatile boolean running = true;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile long sent;
    private volatile String lastError;

    public FeedPusher(String bootstrap, List<FeedTarget> targets, Supplier<FeedMessages> messages, Supplier<ZoneId> zone,
            DataQualityStore quality, Duration catchUp) {
        this.targets = List.copyOf(targets);
        this.messages = messages;
        this.zone = zone;
        this.quality = quality;
        this.catchUp = catchUp;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100,
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofHours(2).toMillis()),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "feed-pusher");
        this.thread.setDaemon(true);
        this.thread.start();
        LOG.info("feed: pushing {} to {}", FeedMessage.SCHEMA, targets.stream().map(FeedTarget::name).toList());
    }

    /** Messages taken by every target so far. */
    public long sent() {
        return sent;
    }

    public String lastError() {
        return lastError;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.RISK, Topics.RISK_WARNINGS, Topics.ALERT_EVENTS, Topics.DATA_QUALITY),
                    new StartingPoint());
            while (running) {
                // progress is committed per batch (once every target has taken all of it), not per record: a
                // broker round trip per message held a flood to a few dozen a second; a restart sends again at
                // most a batch, under the same ids
                Map<TopicPartition, OffsetAndMetadata> taken = new HashMap<>();
                try {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        if (!pushAll(messagesOf(r))) {
                            break; // closing before every target took it: not committed, sent after a restart
                        }
                        taken.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                        if (!running) {
                            break;
                        }
                    }
                } finally {
                    commit(taken); // also when closing: what every target took is not sent again by the next console
                }
                pushDaysDue();
            }
        } catch (WakeupException | InterruptException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("feed: stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> taken) {
        if (taken.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(taken);
        } catch (WakeupException e) {
            consumer.commitSync(taken); // the wake-up to close came first; it is spent, the commit goes through
        }
    }

    private List<FeedMessage> messagesOf(ConsumerRecord<String, byte[]> r) {
        FeedMessages f = messages.get();
        try {
            return switch (r.topic()) {
                case Topics.RISK -> List.of(f.riskLevel(WireJson.read(r.value(), RiskLevel.class)));
                case Topics.RISK_WARNINGS -> List.of(f.riskWarning(WireJson.read(r.value(), RiskWarning.class)));
                case Topics.ALERT_EVENTS -> f.alarm(WireJson.alertEvent(r.value())).stream().toList();
                case Topics.DATA_QUALITY -> {
                    dayOver(WireJson.read(r.value(), PointQuality.class));
                    yield List.of();
                }
                default -> List.of();
            };
        } catch (RuntimeException e) {
            LOG.warn("feed: unreadable record of {} at offset {}: {}", r.topic(), r.offset(), e.getMessage());
            return List.of();
        }
    }

    /** An hour of a new day: the day before is over once the store has its last hours. */
    private void dayOver(PointQuality q) {
        LocalDate day = Instant.ofEpochMilli(q.hourStart()).atZone(zone.get()).toLocalDate();
        LocalDate before = day.minusDays(1);
        if (lastDaySent == null || before.isAfter(lastDaySent)) {
            daysDue.putIfAbsent(before, System.currentTimeMillis() + SETTLE.toMillis());
        }
    }

    private void pushDaysDue() {
        long now = System.currentTimeMillis();
        while (!daysDue.isEmpty() && daysDue.firstEntry().getValue() <= now && running) {
            LocalDate day = daysDue.firstKey();
            if (!pushAll(dayOfQuality(day))) {
                return; // closing: the day is summed again by the next console
            }
            daysDue.pollFirstEntry();
            lastDaySent = day;
        }
    }

    /** The day's figures per enterprise and data logger, from the hours the console keeps. */
    List<FeedMessage> dayOfQuality(LocalDate day) {
        ZoneId z = zone.get();
        long from = day.atStartOfDay(z).toInstant().toEpochMilli();
        long to = day.plusDays(1).atStartOfDay(z).toInstant().toEpochMilli();
        FeedMessages f = messages.get();
        List<FeedMessage> out = new ArrayList<>();
        for (QualityFigures q : QualityRollup.of(quality.between(from, to, x -> true))) {
            if (!q.level().equals("point")) {
                out.add(f.dataQuality(day, q));
            }
        }
        return out;
    }

    /** Whether every target took every message (false only when closing). */
    private boolean pushAll(List<FeedMessage> all) {
        for (FeedMessage m : all) {
            if (!push(m)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every target takes it, however long that takes; each is tried at least once even when closing, so a message
     * in hand is not left half sent by a shutdown. False when closing before every target took it.
     */
    private boolean push(FeedMessage m) {
        for (FeedTarget t : targets) {
            long pause = 1000;
            while (true) {
                try {
                    t.send(m);
                    break;
                } catch (Exception e) {
                    lastError = t.name() + ": " + e.getMessage();
                    if (!running) {
                        return false;
                    }
                    LOG.warn("feed: {} did not take {}: {}; again in {} ms", t.name(), m.id(), e.getMessage(), pause);
                    if (awaitClose(pause)) {
                        return false;
                    }
                    pause = Math.min(pause * 2, 30_000);
                }
            }
        }
        sent++;
        return true;
    }

    /** Waits up to {@code ms}; true if closing began (a pause of up to 30 s does not hold up a shutdown). */
    private boolean awaitClose(long ms) {
        try {
            return closing.await(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    /** Whether {@link #close()} has begun (for tests that close in the middle of a delivery). */
    boolean isClosing() {
        return !running;
    }

    @Override
    public void close() throws Exception {
        running = false;
        closing.countDown();
        consumer.wakeup();
        thread.join(10_000);
        for (FeedTarget t : targets) {
            t.close();
        }
    }

    /**
     * Without progress of its own: the risk levels from the beginning (the compacted topic is the levels in force);
     * warnings, alarms and hours of the last {@code catchUp}.
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
                if (committed.get(tp) == null && !tp.topic().equals(Topics.RISK)) {
                    since.put(tp, System.currentTimeMillis() - catchUp.toMillis());
                }
            }
            io.parkwatch.platform.kafka.TopicPositions.seekToTimes(consumer, since);
        }
    }
}
