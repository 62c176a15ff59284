package io.parkwatch.console.api;

import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;
import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.console.notify.ChannelHealth;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemWarningsTest {

    @Test
    void aFailingChannelAndDemoPasswordsAreWarningsAHealthyChannelIsNot() {
        SystemWarnings w = new SystemWarnings();
        assertThat(w.current(Catalogue.english())).isEmpty();
        w.watchDeliveries(() -> List.of(
                new ChannelHealth("duty-room", 0, 0, 1_000, 0, false, null, 5, 0, 0),
                new ChannelHealth("sms", 7, 190_000, 0, 1_000, true, "HTTP 503", 0, 12, 1)));
        w.demoCredentialsInForce(List.of(Message.term("account.console", "duty")));
        List<java.util.Map<String, Object>> now = w.current(Catalogue.english());
        assertThat(now).extracting(m -> m.get("kind")).containsExactly("DELIVERY_FAILING", "DEMO_CREDENTIALS");
        assertThat(now.get(0)).containsEntry("channel", "sms").containsEntry("waiting", 7L);
        assertThat((String) now.get(0).get("message")).contains("'sms'", "7 waiting", "HTTP 503");
        assertThat((String) now.get(1).get("message")).contains("console user duty");
    }
}
