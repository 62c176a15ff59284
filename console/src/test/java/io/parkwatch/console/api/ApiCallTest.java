package io.parkwatch.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.rules.text.Catalogue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiCallTest {

    record Body(String subject, String mode) {
    }

    static ApiCall call(String body) {
        return new ApiCall(null, Map.of(), Map.of(), body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                Catalogue.chinese());
    }

    @Test
    void aJsonBodyIsReadAndWhatIsNotOneIsRefusedWithWhatWasWrong() {
        assertThat(call("{\"subject\":\"ent-huaxin\",\"mode\":\"shut-down\"}").json(Body.class, null))
                .isEqualTo(new Body("ent-huaxin", "shut-down"));
        // the JSON null is no body of a command: refused, not handed on as null (POST /api/modes answered 500)
        assertThatThrownBy(() -> call("null").json(Body.class, null)).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.text().key()).isEqualTo("api.command-body");
                });
        assertThatThrownBy(() -> call("null").json(Body.class, new Body(null, null)))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> call("[1, 2]").json(Body.class, null)).isInstanceOf(ApiException.class);
        // what the fuzzer sent: a null, then an object; and an object with something after it
        assertThatThrownBy(() -> call("null{\"subject\":\"ent-donghai\"}").json(Body.class, null))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> call("{\"subject\":\"ent-donghai\"} x").json(Body.class, null))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> call("").json(Body.class, null)).isInstanceOf(ApiException.class);
        assertThat(call(null).json(Body.class, new Body(null, "none"))).isEqualTo(new Body(null, "none"));
    }
}
