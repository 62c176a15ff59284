package io.parkwatch.standalone;

import io.parkwatch.console.Console;
import io.parkwatch.console.ConsoleConfig;
import io.parkwatch.console.auth.UsersFile;
import io.parkwatch.console.notify.Channel;
import io.parkwatch.console.notify.Notifier;
import io.parkwatch.rules.config.PointRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A console and its notifier. Notifiers of several consoles share one consumer group, so each alert
 * event is delivered once whatever the number of consoles.
 */
final class ConsoleNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleNode.class);

    /** The console's files read and checked, before anything starts. */
    record Setup(ConsoleConfig config, List<Channel> channels, int maxAttempts, Duration backoff) {

        static Setup of(Settings s, Path base, PointRegistry registry) throws Exception {
            ConsoleConfig config = new ConsoleConfig(s.text("console.bind"), s.integer("console.http-port"),
                    UsersFile.load(base.resolve(s.text("files.users")), registry), s.duration("console.session-idle"),
                    s.duration("console.session-max-age"), s.integer("console.readings-per-point"),
                    s.integer("console.max-history-events"),
                    s.text("console.session-file").isEmpty() ? null : base.resolve(s.text("console.session-file")));
            return new Setup(config, NotifierChannels.from(s), s.integer("notifier.max-attempts"),
                    s.duration("notifier.backoff"));
        }

        ConsoleNode start(String kafka) throws Exception {
            return new ConsoleNode(this, kafka);
        }
    }

    private final Console console;
    private final Notifier notifier;

    private ConsoleNode(Setup setup, String kafka) throws Exception {
        console = Console.start(setup.config(), kafka);
        if (setup.channels().isEmpty()) {
            LOG.info("notifier: no channel configured (notifier.webhooks, mqtt-url, sms-url, voice-url): no deliveries");
            notifier = null;
        } else {
            notifier = new Notifier(kafka, "parkwatch-notifier", setup.channels(), setup.maxAttempts(), setup.backoff());
        }
    }

    Console console() {
        return console;
    }

    @Override
    public void close() throws Exception {
        if (notifier != null) {
            notifier.close();
        }
        console.close();
    }
}
