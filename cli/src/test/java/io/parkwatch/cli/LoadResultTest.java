package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What `parkwatch load` says at its end about the readings that were in flight when it stopped. */
class LoadResultTest {

    @Test
    void saysWhenEverySentReadingWasAnsweredAfterTheLoadStopped() {
        LoadCommand.Result all = new LoadCommand.Result(40, 3_000_800, 3_000_800, 0, List.of(120L), null, 954);
        assertThat(all.text()).contains("acknowledged 3000800 (75020/s), failed 0")
                .contains("acknowledged after the load stopped: all within 954 ms");
        // a failed reading is answered too: not acknowledged, but not in flight either
        LoadCommand.Result someFailed = new LoadCommand.Result(40, 1_000, 900, 100, List.of(), null, 12);
        assertThat(someFailed.text()).contains("acknowledged after the load stopped: all within 12 ms");
    }

    @Test
    void saysHowManyWereStillUnansweredWhenItGaveUp() {
        LoadCommand.Result waiting = new LoadCommand.Result(40, 2_393_300, 2_369_100, 0, List.of(), null, 30_004);
        assertThat(waiting.text()).contains("acknowledged after the load stopped: 24200 still unanswered after 30004 ms");
    }

    @Test
    void aWindowOfTheRunSaysNothingAboutIt() {
        LoadCommand.Result window = new LoadCommand.Result(5, 250_000, 250_000, 0, List.of(), null);
        assertThat(window.text()).doesNotContain("after the load stopped");
    }
}
