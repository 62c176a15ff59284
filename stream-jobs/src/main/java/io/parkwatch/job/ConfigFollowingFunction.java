package io.parkwatch.job;

import io.parkwatch.rules.lifecycle.EscalationPlan;
import io.parkwatch.rules.ruleset.RuleEngine;
import io.parkwatch.rules.wire.ConfigDocument;
import java.util.Map;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A keyed operator that follows the park's configuration: the start-up files, overridden by the documents of the
 * config topic it keeps in broadcast state ({@link ConfigState}). A new document is applied only if it is valid
 * together with the rest; at a restore, documents an earlier version kept as text are taken over.
 */
abstract class ConfigFollowingFunction<IN, OUT> extends KeyedBroadcastProcessFunction<String, IN, ConfigDocument, OUT>
        implements CheckpointedFunction {

    /** The start-up files. */
    protected final ParkConfig config;
    private transient EngineHolder engines;

    ConfigFollowingFunction(ParkConfig config) {
        this.config = config;
    }

    @Override
    public void initializeState(FunctionInitializationContext ctx) throws Exception {
        ConfigState.takeOverTexts(ctx.getOperatorStateStore());
    }

    @Override
    public void snapshotState(FunctionSnapshotContext ctx) {
        // the documents are broadcast state, which Flink snapshots itself
    }

    /** A new configuration file: applied only if it is valid together with the rest, else logged and ignored. */
    @Override
    public final void processBroadcastElement(ConfigDocument doc, Context ctx, Collector<OUT> out) throws Exception {
        ConfigUpdates.apply(config, ctx.getBroadcastState(ConfigState.DOCUMENTS), doc, logsConfigChanges());
    }

    /** The rule engine for the configuration in force; made again only when that changes. */
    protected final RuleEngine engine(ReadOnlyContext ctx) throws Exception {
        return engines().engine(documents(ctx));
    }

    /** The escalation plan for the contacts in force. */
    protected final EscalationPlan plan(ReadOnlyContext ctx) throws Exception {
        return engines().plan(documents(ctx));
    }

    private Iterable<Map.Entry<String, byte[]>> documents(ReadOnlyContext ctx) throws Exception {
        return ctx.getBroadcastState(ConfigState.DOCUMENTS).immutableEntries();
    }

    private EngineHolder engines() {
        if (engines == null) {
            engines = new EngineHolder(config);
        }
        return engines;
    }

    /** Whether this instance logs what it applies and refuses (one operator's first instance does, for all). */
    protected boolean logsConfigChanges() {
        return false;
    }
}
