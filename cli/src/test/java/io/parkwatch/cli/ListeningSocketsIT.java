package io.parkwatch.cli;

import org.apache.commons.io.FileUtils;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the standalone as its own process, as {@code ./parkwatch run} does, and lists the sockets that
 * process listens on (from /proc): every one on a non-loopback address must be a documented service port
 * (MQTT, HJ 212, console, gateway metrics). Kafka, Flink and the console's metrics stay on loopback.
 */
class ListeningSocketsIT {

    @TempDir
    Path dir;

    record Listener(String address, int port) {
        boolean loopback() {
            return address.startsWith("127.") || address.equals("::1") || address.equals("::ffff:127.0.0.1");
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void onlyTheDocumentedServicePortsListenBeyondLoopback() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        copy(root.resolve("config"), dir.resolve("config"));
        Map<String, String> ports = new LinkedHashMap<>();
        for (String k : List.of("PARKWATCH_KAFKA_PORT", "PARKWATCH_GATEWAY_MQTT_PORT", "PARKWATCH_GATEWAY_HJ212_PORT",
                "PARKWATCH_GATEWAY_METRICS_PORT", "PARKWATCH_CONSOLE_HTTP_PORT", "PARKWATCH_CONSOLE_METRICS_PORT")) {
            ports.put(k, String.valueOf(freePort()));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx768m"));
        cmd.addAll(List.of(System.getProperty("parkwatch.add.opens", "").split(" ")).stream().filter(s -> !s.isBlank())
                .toList());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.parkwatch.cli.ParkWatchCli", "run"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("parkwatch.log").toFile());
        pb.environment().putAll(ports);
        Process p = pb.start();
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> !p.isAlive()
                    || Files.readString(dir.resolve("parkwatch.log")).contains("ParkWatch ready in"));
            assertThat(p.isAlive()).as("standalone started; log:\n%s", Files.readString(dir.resolve("parkwatch.log")))
                    .isTrue();
            Set<Listener> listening = listeners(p.pid());
            System.out.println("the standalone listens on: " + listening);
            Set<Integer> services = Set.of(Integer.parseInt(ports.get("PARKWATCH_GATEWAY_MQTT_PORT")),
                    Integer.parseInt(ports.get("PARKWATCH_GATEWAY_HJ212_PORT")),
                    Integer.parseInt(ports.get("PARKWATCH_GATEWAY_METRICS_PORT")),
                    Integer.parseInt(ports.get("PARKWATCH_CONSOLE_HTTP_PORT")));
            assertThat(listening).extracting(Listener::port).contains(services.toArray(Integer[]::new));
            assertThat(listening.stream().filter(l -> !l.loopback()).map(Listener::port))
                    .as("listeners beyond loopback").allMatch(services::contains);
            int kafka = Integer.parseInt(ports.get("PARKWATCH_KAFKA_PORT"));
            assertThat(listening).filteredOn(l -> l.port() == kafka).allMatch(Listener::loopback).isNotEmpty();
            int consoleMetrics = Integer.parseInt(ports.get("PARKWATCH_CONSOLE_METRICS_PORT"));
            assertThat(listening).filteredOn(l -> l.port() == consoleMetrics).allMatch(Listener::loopback).isNotEmpty();
            assertThat(listening.size()).as("Flink and Kafka internals are there, on loopback").isGreaterThan(5);
        } finally {
            p.destroy(); // SIGTERM: the shutdown hook stops everything in order
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        assertThat(Files.readString(dir.resolve("parkwatch.log"))).contains("ParkWatch stopped");
    }

    /** Listening TCP sockets of one process: its socket inodes matched against /proc/net/tcp and tcp6. */
    static Set<Listener> listeners(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        Set<Listener> out = new HashSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            List<String> lines = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "net", table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) { // 0A: LISTEN
                    String[] local = f[1].split(":");
                    out.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
                }
            }
        }
        return out;
    }

    /** /proc/net's hex address (32-bit words in host byte order, little-endian here) to text. */
    static String address(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int w = 0; w < b.length / 4; w++) {
            for (int i = 0; i < 4; i++) {
                b[w * 4 + i] = (byte) Integer.parseInt(hex.substring(w * 8 + (3 - i) * 2, w * 8 + (3 - i) * 2 + 2), 16);
            }
        }
        try {
            String s = java.net.InetAddress.getByAddress(b).getHostAddress();
            return s.equals("0:0:0:0:0:0:0:0") ? "::" : s.equals("0:0:0:0:0:0:0:1") ? "::1" : s;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(hex, e);
        }
    }

    static void copy(Path from, Path to) throws IOException {
        FileUtils.copyDirectory(from.toFile(), to.toFile());
    }
}
