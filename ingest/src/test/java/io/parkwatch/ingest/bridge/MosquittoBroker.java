package io.parkwatch.ingest.bridge;

import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** A real Mosquitto (the Debian package .ci/run installs) on a fixed port, which can be stopped and started. */
final class MosquittoBroker implements AutoCloseable {

    static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    private final int port;
    private final Path log;
    private Process process;

    MosquittoBroker(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    /** Skips the test where Mosquitto is missing, unless CI requires it. */
    static void requireInstalled() {
        if (!Files.isExecutable(MOSQUITTO)) {
            if (System.getenv("PARKWATCH_REQUIRE_MOSQUITTO") != null) {
                throw new AssertionError("mosquitto is not installed: .ci/run installs the Debian package 'mosquitto'");
            }
            Assumptions.abort("mosquitto not installed here (apt-get install mosquitto); CI runs this test");
        }
    }

    MosquittoBroker start() throws Exception {
        process = new ProcessBuilder(MOSQUITTO.toString(), "-p", String.valueOf(port)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            }
        });
        return this;
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
