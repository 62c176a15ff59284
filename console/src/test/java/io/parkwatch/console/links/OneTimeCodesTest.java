package io.parkwatch.console.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OneTimeCodesTest {

    final AtomicLong nanos = new AtomicLong();
    final OneTimeCodes codes = new OneTimeCodes(nanos::get);

    @Test
    void aCodeWorksOnceForItsPersonAndAlertOnly() {
        String code = codes.issue("a1", "hx-li").orElseThrow();
        assertThat(code).matches("\\d{6}");
        assertThat(codes.check("a2", "hx-li", code)).isFalse();
        assertThat(codes.check("a1", "hx-zhang", code)).isFalse();
        assertThat(codes.check("a1", "hx-li", " " + code + " ")).isTrue();
        assertThat(codes.check("a1", "hx-li", code)).as("used up").isFalse();
    }

    @Test
    void fiveWrongTriesEndACodeAndItExpiresAfterTenMinutes() {
        String code = codes.issue("a1", "hx-li").orElseThrow();
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(codes.check("a1", "hx-li", wrong)).isFalse();
        }
        assertThat(codes.check("a1", "hx-li", code)).as("ended by guessing").isFalse();
        String next = codes.issue("a1", "hx-li").orElseThrow();
        nanos.addAndGet(Duration.ofMinutes(10).plusSeconds(1).toNanos());
        assertThat(codes.check("a1", "hx-li", next)).as("expired").isFalse();
    }

    @Test
    void aPersonGetsAtMostThreeCodesPerAlertInTenMinutes() {
        assertThat(codes.issue("a1", "hx-li")).isPresent();
        assertThat(codes.issue("a1", "hx-li")).isPresent();
        String third = codes.issue("a1", "hx-li").orElseThrow();
        assertThat(codes.issue("a1", "hx-li")).isEmpty();
        assertThat(codes.check("a1", "hx-li", third)).as("the last one sent still works").isTrue();
        assertThat(codes.issue("a2", "hx-li")).as("another alert").isPresent();
        nanos.addAndGet(Duration.ofMinutes(11).toNanos());
        assertThat(codes.issue("a1", "hx-li")).isPresent();
    }
}
