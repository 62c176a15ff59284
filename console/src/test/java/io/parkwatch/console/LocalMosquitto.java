package io.parkwatch.console;

import io.parkwatch.embeddedkafka.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Mosquitto (the Debian package .ci/run installs) on a free port for one test; required in CI, skipped with a
 * reason elsewhere when it is not installed.
 */
public final class LocalMosquitto implements AutoCloseable {

    static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    private final Process process;
    private final String url;

    private LocalMosquitto(Process process, int port) {
        this.process = process;
        this.url = "tcp://127.0.0.1:" + port;
    }

    public static LocalMosquitto start(Path dir) throws Exception {
        boolean required = "true".equals(System.getenv("CI")) || System.getenv("PARKWATCH_REQUIRE_MOSQUITTO") != null;
        if (!Files.isExecutable(MOSQUITTO)) {
            if (required) {
                throw new AssertionError("mosquitto is not installed: .ci/run installs the Debian package 'mosquitto'");
            }
            Assumptions.abort("mosquitto not installed here (apt-get install mosquitto); CI runs this test");
        }
        int port = EmbeddedKafka.freePort();
        Process p = new ProcessBuilder(MOSQUITTO.toString(), "-p", String.valueOf(port)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        return new LocalMosquitto(p, port);
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
