package io.parkwatch.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.console.MutableClock;
import io.parkwatch.rules.model.AlertCommand.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {

    static final ConsoleUser DUTY = new ConsoleUser("duty", "Wang", Role.PARK_OFFICER, null, "$2a$04$x");
    static final ConsoleUser OP = new ConsoleUser("op", "Li", Role.ENTERPRISE_OPERATOR, "ent-a", "$2a$04$y");

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock();

    SessionStore store(Map<String, ConsoleUser> users) {
        return new SessionStore(Duration.ofMinutes(30), Duration.ofHours(12), clock, dir.resolve("sessions.json"),
                name -> Optional.ofNullable(users.get(name)));
    }

    @Test
    void sessionsOutliveARestartButNotTheRemovalOfTheirUserNorTheirExpiry() throws Exception {
        SessionStore before = store(Map.of("duty", DUTY, "op", OP));
        String duty = before.open(DUTY).token();
        String op = before.open(OP).token();
        String gone = before.open(DUTY).token();
        before.close(gone);

        // the file holds hashes, never the tokens themselves
        String saved = Files.readString(dir.resolve("sessions.json"));
        assertThat(saved).doesNotContain(duty).doesNotContain(op).contains("duty");

        SessionStore after = store(Map.of("duty", DUTY)); // restarted; "op" was removed from users.yaml meanwhile
        assertThat(after.use(duty)).map(s -> s.user().username()).contains("duty");
        assertThat(after.use(op)).isEmpty();
        assertThat(after.use(gone)).isEmpty(); // logged out stays logged out
        assertThat(after.use("made-up")).isEmpty();

        clock.advance(Duration.ofMinutes(31));
        after.sweep();
        assertThat(store(Map.of("duty", DUTY)).use(duty)).isEmpty(); // idle too long, also after a restart
    }
}
