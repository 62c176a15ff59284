package io.parkwatch.cli;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a started server in the foreground until the process is told to stop (Ctrl-C, SIGTERM), then closes it. */
final class Foreground {

    private static final Logger LOG = LoggerFactory.getLogger("parkwatch");

    private Foreground() {
    }

    static int until(String what, AutoCloseable server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping the {}...", what);
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("while stopping the {}: {}", what, e.toString());
            }
            LOG.info("{} stopped", what);
            stopped.countDown();
        }, what + "-shutdown"));
        stopped.await();
        return 0;
    }
}
