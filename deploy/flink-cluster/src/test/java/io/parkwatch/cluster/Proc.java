package io.parkwatch.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A child process of the test: a JVM started with its own classpath, output to a log file. */
final class Proc implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Proc.class);
    /** The root pom's jvm.add.opens, handed in by failsafe: the same flags as every other ParkWatch JVM. */
    static final List<String> OPENS = java.util.Arrays.stream(System.getProperty("parkwatch.add.opens", "").split("\\s+"))
            .filter(s -> !s.isBlank()).toList();

    final String name;
    final Path log;
    private final Process process;

    private Proc(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code java [jvmArgs] -cp classpath mainClass [args]} in {@code workDir}. */
    static Proc java(String name, Path workDir, Path log, List<String> jvmArgs, String classpath, String mainClass,
            List<String> args, Map<String, String> env) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(OPENS);
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            LOG.info("{} started (pid {}), log {}", name, p.pid(), log);
            return new Proc(name, log, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: the machine-dies case, no shutdown hooks, nothing flushed. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        LOG.info("{} killed with SIGKILL", name);
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " still running after " + seconds + " s; log: " + tail());
        }
        return process.exitValue();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGTERM, then SIGKILL if it has not ended within 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
