package io.parkwatch.console.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.parkwatch.console.ConsoleRoutes;
import io.parkwatch.console.api.OperationsApi;
import io.parkwatch.console.api.Route;
import io.parkwatch.console.api.SystemWarnings;
import io.parkwatch.console.auth.ConsoleUser;
import io.parkwatch.console.auth.Session;
import io.parkwatch.console.auth.SessionStore;
import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.context.ContextStore;
import io.parkwatch.console.history.AlertHistory;
import io.parkwatch.console.history.RuleVersions;
import io.parkwatch.console.incident.IncidentStore;
import io.parkwatch.console.park.ParkConfiguration;
import io.parkwatch.console.park.RecentReadings;
import io.parkwatch.console.quality.DataQualityStore;
import io.parkwatch.console.risk.RiskStore;
import io.parkwatch.rules.model.AlertCommand.Role;
import io.parkwatch.rules.wire.ConfigDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Any request a logged-in browser could send (method, path, query, JSON body) through the console's API router
 * and every endpoint, over the demo park's configuration: each ends in a reply (a refusal is a 4xx that says
 * why), never a 500, an exception out of the pipeline or no answer (docs/fuzzing.md). Input: the first byte picks
 * who asks (duty officer or an enterprise's operator), the first line is {@code METHOD URI}, the rest the body.
 */
class ConsoleApiFuzzTest {

    static final Path CONFIG = Path.of("../config");
    static final ConsoleUser DUTY = new ConsoleUser("duty", "值班员", Role.PARK_OFFICER, null, "x");
    static final ConsoleUser OPERATOR = new ConsoleUser("op", "操作员", Role.ENTERPRISE_OPERATOR,
            "ent-huaxin", "x");
    static final SessionStore SESSIONS = new SessionStore(Duration.ofHours(1), Duration.ofHours(8), Clock.systemUTC());
    static final Session[] WHO = {SESSIONS.open(DUTY), SESSIONS.open(OPERATOR)};
    static final ApiRouter ROUTER = new ApiRouter(routes());

    static List<Route> routes() {
        ParkConfiguration configuration = new ParkConfiguration();
        for (String kind : List.of(ConfigDocument.POINTS, ConfigDocument.RULES, ConfigDocument.OPERATIONS,
                ConfigDocument.RISK)) {
            configuration.update(new ConfigDocument(kind, read(kind + ".yaml"), kind + ".yaml", 0));
        }
        Clock clock = Clock.systemUTC();
        AlertHistory history = new AlertHistory(1000);
        // commands and documents are taken at once, as Kafka would take them; nothing leaves this JVM
        OperationsApi operations = new OperationsApi(configuration, doc -> CompletableFuture.completedFuture(null),
                clock);
        return ConsoleRoutes.builder().board(new AlertBoard()).history(history).readings(new RecentReadings(100))
                .configuration(configuration).ruleVersions(new RuleVersions()).contexts(new ContextStore(10))
                .incidents(new IncidentStore(10)).risk(new RiskStore(10)).dataQuality(new DataQualityStore(10))
                .commands(c -> CompletableFuture.completedFuture(null)).operations(operations)
                .warnings(new SystemWarnings()).clock(clock).build().api().routes();
    }

    static String read(String file) {
        try {
            return Files.readString(CONFIG.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void anyRequestOfALoggedInUser(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int nl = 1;
        while (nl < input.length && input[nl] != '\n') {
            nl++;
        }
        String[] line = new String(input, 1, nl - 1, StandardCharsets.UTF_8).split(" ", 2);
        // what HTTP's own decoder lets through: a token for a method, a request target without spaces
        if (line.length < 2 || !line[0].matches("[A-Z]{1,10}") || !line[1].startsWith("/")
                || line[1].chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return;
        }
        byte[] body = java.util.Arrays.copyOfRange(input, Math.min(nl + 1, input.length), input.length);
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(line[0]), line[1],
                Unpooled.wrappedBuffer(body));
        EmbeddedChannel ch = new EmbeddedChannel(ROUTER);
        try {
            ch.writeInbound(new SessionGate.AuthenticatedRequest(req, WHO[input[0] & 1]));
            Object out = null;
            long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (out == null && System.nanoTime() < until) {
                ch.runPendingTasks(); // a reply completed on another thread is written through the channel's loop
                out = ch.readOutbound();
                if (out == null) {
                    Thread.onSpinWait();
                }
            }
            ch.checkException();
            assertThat(out).as("a reply to %s %s", line[0], line[1]).isInstanceOf(FullHttpResponse.class);
            FullHttpResponse response = (FullHttpResponse) out;
            assertThat(response.status().code()).as("%s %s: %s", line[0], line[1],
                    response.content().toString(StandardCharsets.UTF_8)).isLessThan(500);
            ReferenceCountUtil.release(response);
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    /** The same target for Jazzer's own driver (bench/fuzz.sh: a number of runs, not a time). */
    public static void fuzzerTestOneInput(byte[] input) {
        new ConsoleApiFuzzTest().anyRequestOfALoggedInUser(input);
    }
}
