package io.parkwatch.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.parkwatch.console.Console;
import io.parkwatch.console.ConsoleConfig;
import io.parkwatch.console.history.InfluxHistory;
import io.parkwatch.console.map.SitePlan;
import io.parkwatch.console.map.SitePlanFile;
import io.parkwatch.console.auth.UsersFile;
import io.parkwatch.console.notify.Channel;
import io.parkwatch.console.notify.Notifier;
import io.parkwatch.console.notify.NotifierMetrics;
import io.parkwatch.console.http.LiveFeedMetrics;
import io.parkwatch.console.notify.NotifierSettings;
import io.parkwatch.platform.metrics.MetricsServer;
import io.parkwatch.rules.config.PointRegistry;
import java.nio.file.Path;
import java.util.List;
import io.parkwatch.console.api.FeedApi;
import io.parkwatch.console.feed.FeedPusher;
import io.parkwatch.console.feed.FeedTarget;
import io.parkwatch.console.feed.HttpFeedTarget;
import io.parkwatch.console.feed.MqttFeedTarget;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A console and its notifier. Each notifier channel has its own consumer group ({@code parkwatch-notifier.<channel>});
 * notifiers of several consoles share those groups, so each alert event is delivered once per channel whatever
 * the number of consoles. The console's own {@code /metrics} (the notifier's health per channel) listens on
 * {@code console.metrics-port}.
 */
final class ConsoleNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleNode.class);

    /** The console's files read and checked, before anything starts. */
    record Setup(ConsoleConfig config, List<Channel> channels, Settings settings, List<String> demoLogins,
            io.parkwatch.console.notify.Rationales rationales) {

        static Setup of(Settings s, Path base, PointRegistry registry) throws Exception {
            String plan = s.text("files.site-plan", "");
            Path planFile = plan.isEmpty() ? null : base.resolve(plan);
            ConsoleConfig config = ConsoleConfig.of(s.text("console.bind"), s.integer("console.http-port"),
                    UsersFile.load(base.resolve(s.text("files.users")), registry)).with(c -> c
                    .sessionIdle(s.duration("console.session-idle")).sessionMaxAge(s.duration("console.session-max-age"))
                    .readingsPerPoint(s.integer("console.readings-per-point"))
                    .maxHistoryEvents(s.integer("console.max-history-events"))
                    .sessionFile(s.text("console.session-file").isEmpty() ? null : base.resolve(s.text("console.session-file")))
                    .sitePlan(planFile == null ? SitePlan.NONE : SitePlanFile.load(planFile, registry))
                    .history(history(s))
                    .contextBefore(s.duration("console.context-before"))
                    .contextAfter(s.duration("console.context-after"))
                    .links(LinkSecret.signer(s, base))
                    .callbackToken(callbackToken(s))
                    .flood(ParkWatchStandalone.incidents(s).flood()));
            io.parkwatch.console.notify.Rationales rationales = new io.parkwatch.console.notify.Rationales();
            String publicUrl = s.text("console.public-url", "http://localhost:8080").replaceAll("/+$", "");
            java.util.function.Function<io.parkwatch.rules.model.AlertEvent, String> links = e -> publicUrl + "/m/"
                    + config.links().sign(e.alertId(), io.parkwatch.rules.model.Alert.key(e.ruleId(), e.pointId(),
                            e.direction()), e.recipients().get(0).personId());
            java.util.function.Function<io.parkwatch.rules.model.AlertEvent, String> replyCodes = e -> config.links()
                    .replyCode(e.alertId());
            java.util.function.Function<io.parkwatch.rules.model.AlertEvent, String> groupLinks = e -> publicUrl + "/m/"
                    + config.links().sign(e.alertId(), io.parkwatch.rules.model.Alert.key(e.ruleId(), e.pointId(),
                            e.direction()), io.parkwatch.console.links.LinkSigner.GROUP);
            List<Channel> channels = NotifierChannels.from(s, registry.park(), rationales, links, replyCodes, groupLinks,
                    config.voiceCalls());
            // the SMS channel also sends the one-time codes of group chats' "who answers" pages
            ConsoleConfig withCodes = config.withCodeSender(channels.stream().filter(c -> c.name().equals("sms"))
                    .filter(c -> c instanceof io.parkwatch.console.notify.TextSender)
                    .map(c -> (io.parkwatch.console.notify.TextSender) c).findFirst().orElse(null));
            return new Setup(withCodes, channels, s,
                    DemoCredentials.consoleUsers(config.users().values()), rationales);
        }

        /** {@code notifier.callback-token}: "" for no callbacks; otherwise long enough not to be guessed. */
        static String callbackToken(Settings s) {
            String token = s.text("notifier.callback-token", "");
            if (token.isEmpty()) {
                return null;
            }
            if (token.length() < 24 || !token.matches("[A-Za-z0-9_-]+")) {
                throw new io.parkwatch.rules.config.ConfigException(new io.parkwatch.rules.config.ConfigError(
                        "parkwatch.yaml", 0, 0, "notifier.callback-token",
                        "needs at least 24 letters, digits, '-' or '_' (it is the secret part of the callback address)"));
            }
            return token;
        }

        /** Where charts read beyond the console's buffer: console.history, else the influxdb section; or none. */
        static InfluxHistory history(Settings s) {
            String url = or(s.text("console.history.url", ""), s.text("influxdb.url"));
            String database = or(s.text("console.history.database", ""), s.text("influxdb.bucket"));
            return url.isEmpty() || database.isEmpty() ? null
                    : new InfluxHistory(url, database, or(s.text("console.history.token", ""), s.text("influxdb.token")));
        }

        private static String or(String first, String then) {
            return first.isEmpty() ? then : first;
        }

        NotifierSettings notifier(String kafka) {
            return NotifierSettings.defaults(kafka, "parkwatch-notifier").with(n -> n
                    .maxAttempts(settings.integer("notifier.max-attempts")).backoff(settings.duration("notifier.backoff"))
                    .maxBackoff(settings.duration("notifier.max-backoff"))
                    .attemptTimeout(settings.duration("notifier.attempt-timeout"))
                    .failingAlarmAfter(settings.duration("notifier.failing-alarm-after"))
                    .newChannelCatchUp(settings.duration("notifier.new-channel-catch-up"))
                    .maxRemembered(settings.integer("notifier.max-remembered"))
                    .floodDigestEvery(settings.duration("notifier.flood-digest-every")));
        }

        ConsoleNode start(String kafka) throws Exception {
            return new ConsoleNode(this, kafka);
        }

        /** The same, with more accounts found on demo passwords (the standalone's devices and loggers). */
        Setup withDemoLogins(List<String> more) {
            List<String> all = new java.util.ArrayList<>(demoLogins);
            all.addAll(more);
            return new Setup(config, channels, settings, List.copyOf(all), rationales);
        }
    }

    private final Console console;
    private final Notifier notifier;
    private final FeedPusher feed;
    private final NioEventLoopGroup metricsLoop = new NioEventLoopGroup(1, new DefaultThreadFactory("metrics-http"));
    private MetricsServer metrics;

    private ConsoleNode(Setup setup, String kafka) throws Exception {
        console = Console.start(setup.config(), kafka);
        console.warnings().demoCredentialsInForce(setup.demoLogins());
        setup.rationales().bind((rule, subject) -> console.configuration().get().rules().rationale(rule, subject));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        LiveFeedMetrics.register(registry, console::liveFeed);
        if (setup.channels().isEmpty()) {
            LOG.info("notifier: no channel configured (notifier.webhooks, mqtt-url, sms-url, voice-url): no deliveries");
            notifier = null;
        } else {
            notifier = new Notifier(setup.notifier(kafka), setup.channels(), console.incidents());
            console.warnings().watchDeliveries(notifier::health);
            NotifierMetrics.register(registry, notifier);
        }
        feed = feed(setup.settings(), kafka, console);
        int port = setup.settings().integer("console.metrics-port");
        if (port >= 0) {
            metrics = new MetricsServer("console", setup.settings().text("console.metrics-bind"), port, registry::scrape,
                    metricsLoop, metricsLoop);
        }
    }

    Console console() {
        return console;
    }

    /** The feed to the upstream platform, when a push address or broker is configured. */
    private static FeedPusher feed(Settings s, String kafka, Console console) throws Exception {
        List<FeedTarget> targets = new java.util.ArrayList<>();
        if (!s.text("feed.push-url", "").isEmpty()) {
            targets.add(new HttpFeedTarget(s.text("feed.push-url"), s.text("feed.push-token", ""),
                    s.duration("feed.timeout")));
        }
        if (!s.text("feed.mqtt-url", "").isEmpty()) {
            targets.add(new MqttFeedTarget(s.text("feed.mqtt-url"), s.text("feed.mqtt-topic"),
                    s.text("feed.mqtt-username", ""), s.text("feed.mqtt-password", "")));
        }
        if (targets.isEmpty()) {
            return null;
        }
        return new FeedPusher(kafka, targets, () -> FeedApi.messages(console.configuration()),
                () -> console.configuration().registry().park().timeZone(), console.dataQuality(),
                s.duration("feed.catch-up"));
    }

    int metricsPort() {
        return metrics == null ? -1 : metrics.port();
    }

    @Override
    public void close() throws Exception {
        if (metrics != null) {
            metrics.close();
        }
        metricsLoop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        if (notifier != null) {
            notifier.close();
        }
        if (feed != null) {
            feed.close();
        }
        console.close();
    }
}
