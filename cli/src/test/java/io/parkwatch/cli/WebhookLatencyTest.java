package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.console.notify.WebhookChannel;
import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.simulator.load.LoadPark;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The load run's webhook receiver, fed by the notifier's own JSON webhook channel over real HTTP. */
class WebhookLatencyTest {

    @Test
    void timesTheRaisedAndRepeatedEventsOfLoadPointsFromTheirReadingsAndRefusesWhatIsNoNotification() throws Exception {
        long from = System.currentTimeMillis();
        try (WebhookLatency hook = WebhookLatency.start(0, from)) {
            WebhookChannel notifier = new WebhookChannel("bench", "http://127.0.0.1:" + hook.port() + "/hook",
                    WebhookChannel.Format.JSON, Set.of());
            notifier.deliver(event("e1", LoadPark.PREFIX + "7", AlertEventType.RAISED, from));
            notifier.deliver(event("e2", LoadPark.PREFIX + "7", AlertEventType.RECOVERED, from));
            notifier.deliver(event("e3", "GT-101", AlertEventType.RAISED, from));
            notifier.deliver(event("e4", LoadPark.PREFIX + "8", AlertEventType.RAISED, from - 60_000));
            notifier.deliver(event("e5", LoadPark.PREFIX + "7", AlertEventType.REPEATED, from));

            long took = System.currentTimeMillis() - from;
            assertThat(hook.all()).as("after the warm-up: e1 and e5").hasSize(2)
                    .allSatisfy(ms -> assertThat(ms).isBetween(0L, took));
            assertThat(hook.takeWindow()).as("the window has the warm-up's too").hasSize(3)
                    .anySatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(60_000L));
            assertThat(hook.takeWindow()).isEmpty();

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<Void> big = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hook.port()
                    + "/hook")).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[300 * 1024])).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(big.statusCode()).isEqualTo(413);
            HttpResponse<Void> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hook.port()
                    + "/hook")).GET().build(), HttpResponse.BodyHandlers.discarding());
            assertThat(get.statusCode()).isEqualTo(405);
            assertThat(hook.refused()).isEqualTo(2);
            assertThat(hook.all()).hasSize(2);
        }
    }

    private static AlertEvent event(String id, String point, AlertEventType type, long readingAt) {
        return AlertEvent.builder().eventId(id).alertId("alert-" + point).seq(1).type(type).ruleId("load")
                .pointId(point).enterpriseId("ent-load").kind(PointKind.GAS_LEL).unit("%LEL")
                .direction(Direction.HIGH).level(Level.ALARM).value(60).limit(50).eventTime(readingAt)
                .detectedAt(readingAt).readingReceivedAt(readingAt).message(point + ": 60 %LEL")
                .category(AlertCategory.PROCESS).build();
    }
}
