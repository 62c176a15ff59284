package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.threshold.ThresholdRule;
import io.parkwatch.rules.wire.ConfigDocument;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine for the configuration in force is asked for at every reading: made again only when a document in
 * broadcast state changes, comes or goes, and then from what the state holds.
 */
class EngineHolderTest {

    private final EngineHolder holder = new EngineHolder(
            new ParkConfig(PointRulesFunctionTest.POINTS, PointRulesFunctionTest.RULES, null));
    private final Map<String, byte[]> broadcast = new LinkedHashMap<>();

    @Test
    void theSameEngineWhileNothingChanges() throws Exception {
        RuleEngine first = holder.engine(broadcast.entrySet());
        assertThat(holder.engine(broadcast.entrySet())).isSameAs(first);
        broadcast.put(ConfigDocument.RULES, ConfigState.deflate(ConfigStateTest.CHANGED_RULES));
        RuleEngine changed = holder.engine(broadcast.entrySet());
        assertThat(holder.engine(broadcast.entrySet())).isSameAs(changed);
    }

    @Test
    void aDocumentThatChangesComesOrGoesMakesTheEngineAgain() throws Exception {
        assertThat(alarmAt(holder.engine(broadcast.entrySet()))).isEqualTo(25);
        broadcast.put(ConfigDocument.RULES, ConfigState.deflate(ConfigStateTest.CHANGED_RULES));
        assertThat(alarmAt(holder.engine(broadcast.entrySet()))).as("a document came").isEqualTo(15);
        broadcast.put(ConfigDocument.RULES, ConfigState.deflate(ConfigStateTest.CHANGED_RULES.replace("15", "35")));
        assertThat(alarmAt(holder.engine(broadcast.entrySet()))).as("it changed").isEqualTo(35);
        broadcast.put(ConfigDocument.MAINTENANCE, ConfigState.deflate("windows: []\n"));
        assertThat(alarmAt(holder.engine(broadcast.entrySet()))).as("another came").isEqualTo(35);
        broadcast.remove(ConfigDocument.RULES);
        assertThat(alarmAt(holder.engine(broadcast.entrySet()))).as("it went: the start-up rules").isEqualTo(25);
    }

    /**
     * `parkwatch init` publishes the start-up files themselves: the texts are compared once when they arrive, not at
     * every reading (each reading compared the whole registry again: 1 ms a reading at 150,000 points).
     */
    @Test
    void aDocumentEqualToTheStartUpFileIsComparedOnce() throws Exception {
        RuleEngine first = holder.engine(broadcast.entrySet());
        holder.plan(broadcast.entrySet());
        broadcast.put(ConfigDocument.RULES, ConfigState.deflate(PointRulesFunctionTest.RULES));
        broadcast.put(ConfigDocument.POINTS, ConfigState.deflate(PointRulesFunctionTest.POINTS));
        for (int reading = 0; reading < 1000; reading++) {
            assertThat(holder.engine(broadcast.entrySet())).isSameAs(first);
            holder.plan(broadcast.entrySet());
        }
        assertThat(holder.textComparisons()).as("the engine's once, the plan's once").isEqualTo(2);
    }

    private static double alarmAt(RuleEngine engine) {
        return ((ThresholdRule) engine.rules().rule("combustible-gas").orElseThrow()).high().alarm();
    }
}
