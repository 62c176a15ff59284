package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.parkwatch.rules.ruleset.ParkFiles;
import io.parkwatch.rules.ruleset.RuleEngine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The operators of a process share one parse of the same configuration texts ({@link SharedEngines}). */
class SharedEnginesTest {

    private final AtomicInteger parses = new AtomicInteger();
    private final ParkConfig park = new ParkConfig(PointRulesFunctionTest.POINTS, PointRulesFunctionTest.RULES, null);

    @Test
    void operatorsAskingForTheSameTextsWhileTheyAreParsedWaitForThatOneParse() throws Exception {
        SharedEngines.Texts texts = texts("# a park parsed slowly\n");
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<RuleEngine> first = CompletableFuture.supplyAsync(() -> SharedEngines.engine(texts, t -> {
            parses.incrementAndGet();
            await().atMost(Duration.ofSeconds(10)).until(() -> release.getCount() == 0);
            return parsed();
        }));
        await().atMost(Duration.ofSeconds(10)).until(() -> parses.get() == 1);
        CompletableFuture<RuleEngine> second = new CompletableFuture<>();
        Thread asker = new Thread(() -> second.complete(SharedEngines.engine(texts, t -> {
            parses.incrementAndGet();
            return parsed();
        })));
        asker.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> asker.getState() == Thread.State.WAITING);
        release.countDown();
        assertThat(second.get()).isSameAs(first.get());
        assertThat(parses).hasValue(1);
    }

    @Test
    void aConfigurationThatDoesNotParseIsNotKeptSoEachAskingLearnsWhy() {
        SharedEngines.Texts texts = texts("# broken\n");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> SharedEngines.engine(texts, t -> {
                parses.incrementAndGet();
                throw new IllegalArgumentException("rules.yaml: line 2, field 'high': not a number");
            })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
        }
        assertThat(parses).hasValue(2);
    }

    @Test
    void theSameTextsGiveTheSameEngineAndOthersTheirOwn() {
        ParkConfig changed = park.with("rules", ConfigStateTest.CHANGED_RULES);
        assertThat(park.engine()).isSameAs(new ParkConfig(PointRulesFunctionTest.POINTS, PointRulesFunctionTest.RULES,
                null).engine());
        assertThat(changed.engine()).isNotSameAs(park.engine());
    }

    @Test
    void onlyTheLastTwoConfigurationsAreKept() {
        SharedEngines.engine(texts("# 1\n"), this::parse);
        SharedEngines.engine(texts("# 2\n"), this::parse);
        SharedEngines.engine(texts("# 3\n"), this::parse);
        SharedEngines.engine(texts("# 3\n"), this::parse);
        SharedEngines.engine(texts("# 2\n"), this::parse);
        assertThat(parses).as("2 and 3 kept").hasValue(3);
        SharedEngines.engine(texts("# 1\n"), this::parse);
        assertThat(parses).as("1 parsed again").hasValue(4);
    }

    private RuleEngine parse(SharedEngines.Texts t) {
        parses.incrementAndGet();
        return parsed();
    }

    /** An engine made without the shared ones, which the counts here are about. */
    private static RuleEngine parsed() {
        return ParkFiles.engine(new ParkFiles.Text("points.yaml", PointRulesFunctionTest.POINTS),
                new ParkFiles.Text("rules.yaml", PointRulesFunctionTest.RULES), new ParkFiles.Text("maintenance.yaml", null),
                new ParkFiles.Text("operations.yaml", null));
    }

    private static SharedEngines.Texts texts(String marker) {
        return new SharedEngines.Texts(marker + PointRulesFunctionTest.POINTS, PointRulesFunctionTest.RULES, null, null);
    }
}
