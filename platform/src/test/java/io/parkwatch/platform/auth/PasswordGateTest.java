package io.parkwatch.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.parkwatch.platform.auth.Verdict.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PasswordGateTest {

    static final String HASH = BCrypt.withDefaults().hashToString(4, "right".toCharArray());
    static final String OTHER = BCrypt.withDefaults().hashToString(4, "secret".toCharArray());

    final AtomicLong now = new AtomicLong(1_000_000);

    PasswordGate gate() {
        return PasswordGate.builder("test").threads(1).maxPending(8, 4, 2)
                .throttle(3, Duration.ofSeconds(1), Duration.ofSeconds(60)).maxTrackedFailures(50)
                .clock(now::get).build();
    }

    static Outcome outcome(CompletableFuture<Verdict> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS).outcome();
    }

    @Test
    void rightAndWrongPasswordsAndUnknownUsers() throws Exception {
        try (PasswordGate g = gate()) {
            assertThat(outcome(g.check("10.0.0.1", "dev", PasswordGate.utf8("right"), HASH))).isEqualTo(Outcome.ACCEPTED);
            assertThat(outcome(g.check("10.0.0.1", "dev", PasswordGate.utf8("wrong"), HASH))).isEqualTo(Outcome.WRONG);
            assertThat(outcome(g.check("10.0.0.1", "nobody", PasswordGate.utf8("x"), null))).isEqualTo(Outcome.WRONG);
            assertThat(outcome(g.check("10.0.0.1", "dev", null, HASH))).isEqualTo(Outcome.WRONG);
        }
    }

    @Test
    void passwordsOfAnyLengthGetAClearAnswer() throws Exception {
        try (PasswordGate g = gate()) {
            byte[] max = new byte[PasswordGate.MAX_PASSWORD_BYTES];
            java.util.Arrays.fill(max, (byte) 'a');
            assertThat(outcome(g.check("a", "dev", max, HASH))).isEqualTo(Outcome.WRONG);
            assertThat(outcome(g.check("a", "dev", new byte[PasswordGate.MAX_PASSWORD_BYTES + 1], HASH)))
                    .isEqualTo(Outcome.TOO_LONG);
            assertThat(outcome(g.check("a", "dev", new byte[65_535], HASH))).isEqualTo(Outcome.TOO_LONG);
            assertThat(outcome(g.check("a", "dev", new byte[0], HASH))).isEqualTo(Outcome.WRONG);
        }
    }

    @Test
    void failuresThrottleOnlyTheirOwnAddressAndUserWithGrowingDelays() throws Exception {
        try (PasswordGate g = gate()) {
            for (int i = 0; i < 3; i++) {
                assertThat(outcome(g.check("stranger", "duty", PasswordGate.utf8("guess" + i), HASH))).isEqualTo(Outcome.WRONG);
            }
            // the fourth failure starts the delays
            assertThat(outcome(g.check("stranger", "duty", PasswordGate.utf8("guess3"), HASH))).isEqualTo(Outcome.WRONG);
            Verdict v = g.check("stranger", "duty", PasswordGate.utf8("right"), HASH).get();
            assertThat(v.outcome()).isEqualTo(Outcome.THROTTLED);
            assertThat(v.retryAfterMs()).isEqualTo(1000);
            // the real user from elsewhere, and another user from the stranger's address, are not held back
            assertThat(outcome(g.check("office", "duty", PasswordGate.utf8("right"), HASH))).isEqualTo(Outcome.ACCEPTED);
            assertThat(outcome(g.check("stranger", "op", PasswordGate.utf8("secret"), OTHER))).isEqualTo(Outcome.ACCEPTED);
            now.addAndGet(1000);
            assertThat(outcome(g.check("stranger", "duty", PasswordGate.utf8("guess4"), HASH))).isEqualTo(Outcome.WRONG);
            assertThat(g.check("stranger", "duty", PasswordGate.utf8("x"), HASH).get().retryAfterMs()).isEqualTo(2000);
            now.addAndGet(2000);
            assertThat(outcome(g.check("stranger", "duty", PasswordGate.utf8("guess5"), HASH))).isEqualTo(Outcome.WRONG);
            assertThat(g.check("stranger", "duty", PasswordGate.utf8("x"), HASH).get().retryAfterMs()).isEqualTo(4000);
        }
    }

    @Test
    void credentialsVerifiedAMomentAgoPassEvenWhileTheirAddressIsThrottled() throws Exception {
        try (PasswordGate g = gate()) {
            assertThat(outcome(g.check("nat", "dev", PasswordGate.utf8("right"), HASH))).isEqualTo(Outcome.ACCEPTED);
            for (int i = 0; i < 6; i++) {
                g.check("nat", "dev", PasswordGate.utf8("guess" + i), HASH).get();
            }
            assertThat(outcome(g.check("nat", "dev", PasswordGate.utf8("guess"), HASH))).isEqualTo(Outcome.THROTTLED);
            // the device behind the same address, reconnecting with the password checked before
            assertThat(outcome(g.check("nat", "dev", PasswordGate.utf8("right"), HASH))).isEqualTo(Outcome.ACCEPTED);
            // a changed hash (new password in the file) is checked again
            String changed = BCrypt.withDefaults().hashToString(4, "right".toCharArray());
            assertThat(outcome(g.check("elsewhere", "dev", PasswordGate.utf8("right"), changed))).isEqualTo(Outcome.ACCEPTED);
        }
    }

    @Test
    void aFullQueueAnswersBusyAtOnceAndServesAddressesInTurn() throws Exception {
        String slow = BCrypt.withDefaults().hashToString(12, "right".toCharArray()); // ~250 ms a check
        try (PasswordGate g = gate()) {
            List<CompletableFuture<Verdict>> flood = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                flood.add(g.check("attacker", "user" + i, PasswordGate.utf8("x"), slow));
            }
            long busy = flood.stream().filter(f -> f.isDone() && f.join().outcome() == Outcome.BUSY).count();
            assertThat(busy).isGreaterThanOrEqualTo(15); // 4 may wait for one address, one is being checked
            // another address is served next, not after the attacker's queue
            CompletableFuture<Verdict> device = g.check("device", "dev", PasswordGate.utf8("right"), HASH);
            assertThat(device.get(2, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.ACCEPTED);
            assertThat(flood.stream().filter(f -> !f.isDone()).count()).isGreaterThan(0);
        }
    }

    @Test
    void memoryForFailuresIsBounded() throws Exception {
        try (PasswordGate g = PasswordGate.builder("bounded").threads(2).maxPending(1000, 1000, 2)
                .maxTrackedFailures(50).build()) {
            List<CompletableFuture<Verdict>> all = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                all.add(g.check("10.0.0." + (i % 250), "user" + i, PasswordGate.utf8("x"), HASH));
            }
            for (CompletableFuture<Verdict> f : all) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(g.trackedFailures()).isLessThanOrEqualTo(50);
        }
    }
}
