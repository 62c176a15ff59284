package io.parkwatch.simulator;

import io.parkwatch.rules.wire.Hj212Crc;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data loggers speaking HJ 212-2017 over TCP: one connection per enterprise, each batch one CN 2011
 * real-time upload ({@code code-Rtd=value,code-Flag=N} per point) asking for an answer; a CN 9014 answer
 * counts its readings as acknowledged, a CN 9011 as refused. DataTime is local time in whole seconds.
 */
public final class Hj212Uplink extends CountingUplink {

    private static final Logger LOG = LoggerFactory.getLogger(Hj212Uplink.class);
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    static final int IN_FLIGHT = 32;

    /**
     * One data logger.
     *
     * @param key   what batches are published under: its enterprise (simulator) or a connection name (load)
     * @param codes point id to the pollutant or parameter code the gateway's mapping gives it
     */
    public record Logger212(String key, String mn, String password, Map<String, String> codes) {
    }

    private final ZoneId zone;
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final AtomicLong qn = new AtomicLong();

    private final class Link {
        final Logger212 logger;
        final Socket socket;
        final OutputStream out;
        final Semaphore window = new Semaphore(IN_FLIGHT);
        final java.util.concurrent.ConcurrentLinkedQueue<Integer> pending = new java.util.concurrent.ConcurrentLinkedQueue<>();

        Link(Logger212 logger, String host, int port) throws IOException {
            this.logger = logger;
            this.socket = new Socket(host, port);
            this.out = socket.getOutputStream();
            Thread reader = new Thread(this::readAnswers, "hj212-answers-" + logger.mn());
            reader.setDaemon(true);
            reader.start();
        }

        /** Answers come in the order of the uploads: each settles the oldest pending batch. */
        void readAnswers() {
            try (InputStream in = socket.getInputStream()) {
                StringBuilder line = new StringBuilder();
                for (int c; (c = in.read()) >= 0; ) {
                    line.append((char) c);
                    if (c == '\n') {
                        Integer n = pending.poll();
                        if (n != null) {
                            (line.indexOf("CN=9014") >= 0 ? acked : refused).addAndGet(n);
                            window.release();
                        }
                        line.setLength(0);
                    }
                }
            } catch (IOException e) {
                LOG.debug("HJ 212 logger {}: {}", logger.mn(), e.toString());
            }
            for (Integer n; (n = pending.poll()) != null; ) {
                failed.addAndGet(n);
                window.release();
            }
        }
    }

    public Hj212Uplink(String host, int port, List<Logger212> loggers, ZoneId zone) throws IOException {
        this.zone = zone;
        for (Logger212 l : loggers) {
            links.put(l.key(), new Link(l, host, port));
        }
        LOG.info("{} HJ 212 data logger(s) connected to {}:{}: {}", links.size(), host, port, links.keySet());
    }

    @Override
    public boolean has(String enterprise) {
        return links.containsKey(enterprise);
    }

    /** Longest CP kept per frame, so that the data segment stays within the standard's 1024 bytes. */
    static final int MAX_CP = 880;

    @Override
    public void publish(String key, List<Value> batch) throws InterruptedException {
        Link link = links.get(key);
        String dataTime = "DataTime=" + DATA_TIME.format(Instant.ofEpochMilli(batch.get(0).ts()).atZone(zone));
        StringBuilder cp = new StringBuilder(dataTime);
        int n = 0;
        for (Value v : batch) {
            String code = link.logger.codes().get(v.pointId());
            if (code == null) {
                continue;
            }
            String item = ";" + code + "-Rtd=" + String.format(Locale.ROOT, "%.3f", v.v()) + "," + code + "-Flag=N";
            if (cp.length() + item.length() > MAX_CP) { // a big batch goes as several uploads
                send(link, cp.toString(), n, batch.get(0).ts());
                cp.setLength(0);
                cp.append(dataTime);
                n = 0;
            }
            cp.append(item);
            n++;
        }
        if (n > 0) {
            send(link, cp.toString(), n, batch.get(0).ts());
        }
    }

    private void send(Link link, String cp, int n, long ts) throws InterruptedException {
        String qnText = QN.format(Instant.ofEpochMilli(ts).atZone(zone));
        String segment = "QN=" + qnText.substring(0, 14) + String.format("%03d", qn.incrementAndGet() % 1000)
                + ";ST=22;CN=2011;PW=" + link.logger.password() + ";MN=" + link.logger.mn() + ";Flag=5;CP=&&" + cp + "&&";
        if (!link.window.tryAcquire(60, TimeUnit.SECONDS)) {
            failed.addAndGet(n);
            return;
        }
        try {
            link.pending.add(n);
            synchronized (link) {
                link.out.write(Hj212Crc.frame(segment));
                link.out.flush();
            }
            sent.addAndGet(n);
        } catch (IOException e) {
            failed.addAndGet(n);
            link.window.release();
        }
    }

    @Override
    public boolean awaitAnswered(long timeoutMs) throws InterruptedException {
        return Uplink.awaitWindows(links.values().stream().map(l -> l.window).toList(), IN_FLIGHT, timeoutMs);
    }

    @Override
    public void close() {
        for (Link l : links.values()) {
            try {
                l.socket.close();
            } catch (IOException e) {
                LOG.debug("close: {}", e.toString());
            }
        }
    }
}
