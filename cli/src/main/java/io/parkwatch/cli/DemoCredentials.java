package io.parkwatch.cli;

import io.parkwatch.rules.text.Message;
import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import io.parkwatch.console.auth.ConsoleUser;
import io.parkwatch.ingest.device.Device;
import io.parkwatch.ingest.device.DeviceRegistry;
import io.parkwatch.ingest.hj212.Hj212Logger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds accounts that still have the demo passwords ParkWatch ships (console users {@code <name>-demo},
 * the simulator's device and data-logger logins in {@code parkwatch.yaml}), so that start-up and the
 * console can say so loudly. The demo keeps working; it only stops being silent about it.
 */
final class DemoCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCredentials.class);

    private DemoCredentials() {
    }

    static List<String> consoleUsers(Collection<ConsoleUser> users) {
        List<String> found = new ArrayList<>();
        for (ConsoleUser u : users) {
            if (matches(u.username() + "-demo", u.passwordHash())) {
                found.add(Message.term("account.console", u.username()));
            }
        }
        return found;
    }

    static List<String> devicesAndLoggers(Settings s, DeviceRegistry devices, Map<String, Hj212Logger> loggers) {
        List<String> found = new ArrayList<>();
        for (JsonNode l : s.node("simulator.logins")) {
            devices.device(l.path("username").asText()).map(Device::passwordHash)
                    .filter(h -> matches(l.path("password").asText(), h))
                    .ifPresent(h -> found.add(Message.term("account.device", l.path("username").asText())));
        }
        for (JsonNode l : s.node("simulator.hj212-logins")) {
            Hj212Logger logger = loggers.get(l.path("mn").asText());
            if (logger != null && matches(l.path("password").asText(), logger.passwordHash())) {
                found.add(Message.term("account.logger", logger.mn()));
            }
        }
        return found;
    }

    private static boolean matches(String password, String hash) {
        try {
            return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                    hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The start-up warning: a framed block nobody scrolls past. */
    static void announce(List<String> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        String bar = "!".repeat(78);
        LOG.warn(bar);
        java.util.ResourceBundle words = ParkWatchCli.words();
        io.parkwatch.rules.text.Catalogue language = io.parkwatch.rules.text.Catalogue.of(
                words.getLocale().getLanguage().isEmpty() ? java.util.Locale.ENGLISH : words.getLocale());
        LOG.warn(java.text.MessageFormat.format(words.getString("demo-passwords.in-force"), accounts.size(),
                String.join(", ", accounts.stream().map(language::word).toList())));
        LOG.warn(words.getString("demo-passwords.readme"));
        LOG.warn(words.getString("demo-passwords.replace"));
        LOG.warn(bar);
    }
}
