package io.parkwatch.job;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.ruleset.RuleEngine;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The parsed configuration, one per process for the operators that ask for the same texts. At a province's size the
 * points registry takes seconds of CPU to parse, and the point rules, group rules, data quality, the life cycle,
 * overdue returns and risk each asked for it themselves, at the same moment after every restart, and again for every
 * configuration document they checked (the engine, the contacts and the risk model each parsed it). A
 * {@link RuleEngine} does not change once made (its one cache is concurrent), so one serves them all.
 *
 * <p>Those asking for texts being parsed wait for that parse; a configuration that fails to parse is not kept, so
 * each asking learns why. The last two configurations are kept: the one in force and one being checked.
 */
final class SharedEngines {

    private static final int KEPT = 2;
    private static final Map<Texts, CompletableFuture<RuleEngine>> PARSED = new RecentlyUsed<>(KEPT);

    /** What an engine is made of: the documents the rules read. */
    record Texts(String points, String rules, String maintenance, String operations) {
    }

    private SharedEngines() {
    }

    /** The registry of these points, if an engine over them was parsed here and is kept. */
    static Optional<PointRegistry> parsedRegistry(String points) {
        synchronized (PARSED) {
            for (Map.Entry<Texts, CompletableFuture<RuleEngine>> e : PARSED.entrySet()) {
                CompletableFuture<RuleEngine> f = e.getValue();
                if (points.equals(e.getKey().points()) && f.isDone() && !f.isCompletedExceptionally()) {
                    return Optional.of(f.join().registry());
                }
            }
        }
        return Optional.empty();
    }

    static RuleEngine engine(Texts texts, Function<Texts, RuleEngine> parse) {
        CompletableFuture<RuleEngine> mine = new CompletableFuture<>();
        CompletableFuture<RuleEngine> parsing;
        synchronized (PARSED) {
            parsing = PARSED.putIfAbsent(texts, mine);
        }
        if (parsing != null) {
            try {
                return parsing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            RuleEngine engine = parse.apply(texts);
            mine.complete(engine);
            return engine;
        } catch (RuntimeException | Error e) {
            synchronized (PARSED) {
                PARSED.remove(texts, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
