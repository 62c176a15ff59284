package io.parkwatch.platform.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class EscapedMessageConverterTest {

    static String render(String template, Object... args) {
        LoggerContext ctx = new LoggerContext();
        LoggingEvent e = new LoggingEvent("test", ctx.getLogger("test"), Level.WARN, template, null, args);
        return new EscapedMessageConverter().convert(e);
    }

    @Test
    void outsideTextCannotForgeALogLine() {
        String forged = "dev-1\n12:00:00.000 INFO  MqttConnectHandler - device 'admin' connected";
        String line = render("{}: refused CONNECT of '{}'", "/10.0.0.9:4242", forged);
        assertThat(line).doesNotContain("\n").contains("dev-1\\n12:00:00.000 INFO");
        assertThat(render("x {}", "a\r\nb\u001b[31mred\u0000")).isEqualTo("x a\\r\\nb\\u001b[31mred\\u0000");
    }

    @Test
    void theTemplatesOwnLineBreaksAndPlainArgumentsStay() {
        assertThat(render("first\nsecond {}", "plain 中文 text")).isEqualTo("first\nsecond plain 中文 text");
        assertThat(render("no arguments\n")).isEqualTo("no arguments\n");
    }
}
