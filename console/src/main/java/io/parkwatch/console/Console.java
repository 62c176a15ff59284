package io.parkwatch.console;

import io.parkwatch.console.incident.IncidentStore;
import io.parkwatch.rules.incident.IncidentEvent;
import io.parkwatch.console.api.KafkaCommandSender;
import io.parkwatch.console.api.ConsoleApi;
import io.parkwatch.console.quality.DataQualityStore;
import io.parkwatch.rules.dataquality.PointQuality;
import io.parkwatch.console.api.OperationsApi;
import io.parkwatch.console.risk.RiskStore;
import io.parkwatch.rules.risk.RiskLevel;
import io.parkwatch.rules.risk.RiskWarning;
import io.parkwatch.console.context.AlarmContext;
import io.parkwatch.console.context.ContextRecorder;
import io.parkwatch.console.context.ContextStore;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.parkwatch.console.park.ParkConfiguration;
import io.parkwatch.console.history.RuleVersions;
import io.parkwatch.platform.kafka.ConfigTopic;
import io.parkwatch.console.api.SystemWarnings;
import io.parkwatch.console.auth.Login;
import io.parkwatch.console.auth.SessionStore;
import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.board.AlertFeed;
import io.parkwatch.console.history.AlertHistory;
import io.parkwatch.console.http.ConsoleServer;
import io.parkwatch.console.http.LiveFeedHealth;
import io.parkwatch.console.park.RecentReadings;
import io.parkwatch.platform.lifecycle.Parts;
import io.parkwatch.platform.kafka.ConfigFollower;
import io.parkwatch.platform.kafka.TopicFollower;
import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.console.history.HistoryReader;
import io.parkwatch.console.map.SitePlan;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.ConfigRecord;
import io.parkwatch.rules.wire.ReadingJson;
import io.parkwatch.rules.wire.Topics;
import io.parkwatch.rules.wire.WireJson;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console process: it follows the alerts, their events, the readings and the point registry on
 * Kafka, puts operators' commands on the commands topic, and serves the board and the API.
 */
public final class Console implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Console.class);

    private final Parts parts = new Parts("console");
    private final AlertBoard board = new AlertBoard();
    private final AlertHistory history;
    private final RecentReadings readings;
    private final ParkConfiguration configuration = new ParkConfiguration();
    private final RuleVersions ruleVersions = new RuleVersions();
    private final ContextStore contexts = new ContextStore(500);
    private final AlertFeed feed;
    private final TopicFollower events;
    private final SystemWarnings warnings = new SystemWarnings();
    private final IncidentStore incidents = new IncidentStore(5_000);
    private final RiskStore risk = new RiskStore(1_000);
    /** two days of a park's point-hours (about 50,000 for 1,000 points) */
    private final DataQualityStore dataQuality = new DataQualityStore(200_000);
    private ConsoleServer server;

    private Console(ConsoleConfig config, String kafka, Clock clock) throws InterruptedException {
        history = new AlertHistory(config.maxHistoryEvents());
        readings = new RecentReadings(config.readingsPerPoint());
        parts.add(new ConfigFollower(kafka, configuration::update));
        parts.add(TopicFollower.fromBeginning(kafka, Topics.CONFIG_HISTORY, "parkwatch-console-config-history",
                r -> ruleVersions.add(ConfigRecord.read(r.value()))));
        feed = new AlertFeed(kafka, board);
        parts.add(feed);
        events = TopicFollower.fromBeginning(kafka, Topics.ALERT_EVENTS, "parkwatch-console-events",
                r -> history.add(WireJson.alertEvent(r.value())));
        parts.add(events);
        // a chart needs the last minutes, not the whole topic, and not each reading the moment it is written
        long since = clock.millis() - Duration.ofHours(1).toMillis();
        parts.add(TopicFollower.inBatchesSince(kafka, Topics.READINGS, "parkwatch-console-readings", since,
                r -> readings.add(ReadingJson.read(r.value()))));
        KafkaCommandSender commands = new KafkaCommandSender(kafka);
        parts.add(commands);
        SessionStore sessions = new SessionStore(config.sessionIdle(), config.sessionMaxAge(), clock,
                config.sessionFile(), name -> java.util.Optional.ofNullable(config.users().get(name)));
        Login login = new Login(config::users, sessions, clock);
        HistoryReader longHistory = config.history() == null ? null : new HistoryReader(config.history());
        if (longHistory != null) {
            parts.add(longHistory);
        }
        // each alarm's context: followed from the readings buffer, kept on a topic of its own, read back for reports
        KafkaProducer<String, byte[]> contextOut = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, ConfigTopic.MAX_DOCUMENT_BYTES,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.CLIENT_ID_CONFIG, "parkwatch-console-contexts"), new StringSerializer(),
                new ByteArraySerializer());
        parts.add((AutoCloseable) () -> contextOut.close(Duration.ofSeconds(5)));
        ContextRecorder recorder = new ContextRecorder(readings, configuration::registry, config.contextBefore(),
                config.contextAfter(), Duration.ofSeconds(5), c -> send(contextOut, c), clock);
        parts.add(recorder);
        history.onEvent(recorder::onEvent);
        parts.add(TopicFollower.fromBeginning(kafka, Topics.ALERT_CONTEXTS, "parkwatch-console-contexts",
                r -> contexts.add(WireJson.read(r.value(), AlarmContext.class))));
        parts.add(TopicFollower.fromBeginning(kafka, Topics.INCIDENTS, "parkwatch-console-incidents",
                r -> incidents.add(WireJson.read(r.value(), IncidentEvent.class))));
        OperationsApi operations = new OperationsApi(configuration, doc -> publish(kafka, doc), clock);
        parts.add(operations);
        parts.add(TopicFollower.since(kafka, Topics.DATA_QUALITY, "parkwatch-console-data-quality",
                clock.millis() - Duration.ofDays(2).toMillis(),
                r -> dataQuality.add(WireJson.read(r.value(), PointQuality.class))));
        parts.add(TopicFollower.fromBeginning(kafka, Topics.RISK, "parkwatch-console-risk",
                r -> risk.level(WireJson.read(r.value(), RiskLevel.class))));
        parts.add(TopicFollower.fromBeginning(kafka, Topics.RISK_WARNINGS, "parkwatch-console-risk-warnings",
                r -> risk.warning(WireJson.read(r.value(), RiskWarning.class))));
        ConsoleApi api = ConsoleRoutes.builder().board(board).history(history).readings(readings)
                .configuration(configuration).ruleVersions(ruleVersions).contexts(contexts).incidents(incidents)
                .risk(risk).dataQuality(dataQuality).commands(commands).operations(operations).warnings(warnings)
                .sitePlan(config.sitePlan() == null ? SitePlan.NONE : config.sitePlan()).longHistory(longHistory)
                .flood(config.flood() == null ? io.parkwatch.rules.incident.Flood.EEMUA_191 : config.flood())
                .clock(clock).build().api();
        server = new ConsoleServer(config, board, history, api, login, sessions,
                () -> configuration.registry().park().timeZone());
        if (config.links() != null) {
            server.mobileLinks(config.links(), readings, commands, clock, config.codeSender());
            if (config.callbackToken() != null) {
                server.callbacks(config.callbackToken(), new io.parkwatch.console.links.PhoneAnswers(board, history,
                        commands, config.links(), config.voiceCalls(), io.parkwatch.rules.text.Catalogue.chinese(), clock));
            }
        }
        server.start();
        parts.add(server);
        incidents.onFlood(server::floodChanged); // (a page learns the floods before it connected from its first look)
    }

    public static Console start(ConsoleConfig config, String kafkaBootstrap) throws InterruptedException {
        return start(config, kafkaBootstrap, Clock.systemUTC());
    }

    public static Console start(ConsoleConfig config, String kafkaBootstrap, Clock clock) throws InterruptedException {
        return new Console(config, kafkaBootstrap, clock);
    }

    private static java.util.concurrent.CompletableFuture<Void> send(KafkaProducer<String, byte[]> p, AlarmContext c) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        p.send(new ProducerRecord<>(Topics.ALERT_CONTEXTS, c.alertId(), WireJson.write(c)), (md, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
            } else {
                done.complete(null);
            }
        });
        return done;
    }

    /** Publishes a document on the config topic, off the caller's thread. */
    private static java.util.concurrent.CompletableFuture<Void> publish(String kafka, ConfigDocument doc) {
        return java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                ConfigTopic.publish(kafka, doc);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    public AlertBoard board() {
        return board;
    }

    public AlertHistory history() {
        return history;
    }

    /** Where the notifier's health and demo-password warnings are handed in, for the banners. */
    /** The hours of data quality the job reports (two days). */
    public DataQualityStore dataQuality() {
        return dataQuality;
    }

    /** The live risk the job reports. */
    public RiskStore risk() {
        return risk;
    }

    /** The incidents the job reports, and which enterprises are in flood. */
    public IncidentStore incidents() {
        return incidents;
    }

    public SystemWarnings warnings() {
        return warnings;
    }

    /** The configuration in force as this console follows it. */
    public ParkConfiguration configuration() {
        return configuration;
    }

    public PointRegistry points() {
        return configuration.registry();
    }

    /** Waits until the alerts and their events that existed at start are loaded. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return feed.awaitLoaded(timeout) && events.awaitCaughtUp(timeout);
    }

    /** How the live feed keeps up with the boards connected now (bounded per board: {@link LiveFeedHealth}). */
    public LiveFeedHealth liveFeed() {
        return server.liveFeed();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        parts.close();
    }
}
