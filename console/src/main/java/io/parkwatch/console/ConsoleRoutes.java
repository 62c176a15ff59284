package io.parkwatch.console;

import io.parkwatch.console.api.CommandSender;
import io.parkwatch.console.api.CommitmentApi;
import io.parkwatch.console.api.ConsoleApi;
import io.parkwatch.console.api.DataQualityApi;
import io.parkwatch.console.api.FeedApi;
import io.parkwatch.console.api.IncidentApi;
import io.parkwatch.console.api.OperationsApi;
import io.parkwatch.console.api.ReportApi;
import io.parkwatch.console.api.RiskApi;
import io.parkwatch.console.api.SystemWarnings;
import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.board.AlertExplanation;
import io.parkwatch.console.context.ContextStore;
import io.parkwatch.console.history.AlertHistory;
import io.parkwatch.console.history.HistoryReader;
import io.parkwatch.console.history.RuleVersions;
import io.parkwatch.console.incident.IncidentStore;
import io.parkwatch.console.map.SitePlan;
import io.parkwatch.console.park.ParkConfiguration;
import io.parkwatch.console.park.RecentReadings;
import io.parkwatch.console.quality.DataQualityStore;
import io.parkwatch.console.risk.RiskStore;
import io.parkwatch.rules.incident.Flood;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Clock;

/**
 * The whole JSON API over the console's stores, in one place: the console serves it, and the API's fuzz test
 * calls it with no Kafka behind the stores.
 *
 * @param longHistory readings older than the recent buffer, or null without a time-series store
 */
@RecordBuilder
public record ConsoleRoutes(AlertBoard board, AlertHistory history, RecentReadings readings,
        ParkConfiguration configuration, RuleVersions ruleVersions, ContextStore contexts, IncidentStore incidents,
        RiskStore risk, DataQualityStore dataQuality, CommandSender commands, OperationsApi operations,
        SystemWarnings warnings, SitePlan sitePlan, HistoryReader longHistory, Flood flood, Clock clock) {

    public static ConsoleRoutesBuilder builder() {
        return ConsoleRoutesBuilder.builder().sitePlan(SitePlan.NONE).flood(Flood.EEMUA_191)
                .clock(Clock.systemUTC());
    }

    public ConsoleApi api() {
        ConsoleApi api = new ConsoleApi(board, history, readings, configuration::registry, commands, warnings, clock,
                sitePlan, longHistory)
                .with(operations.routes())
                .with(new RiskApi(risk, configuration).routes())
                .with(new DataQualityApi(dataQuality, configuration, clock).routes())
                .with(new FeedApi(risk, board, history, dataQuality, configuration, clock).routes())
                .with(new CommitmentApi(configuration, operations, clock).routes())
                .with(new ReportApi(board, history, contexts, readings, configuration, ruleVersions).routes())
                .explainedBy(a -> AlertExplanation.of(a, configuration.get().rules(), ruleVersions, history));
        return api.with(new IncidentApi(incidents, board, api).routes()).withFlood(flood);
    }
}
