package io.parkwatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which state backend wrote the standalone's checkpoints ({@code data/checkpoints/STATE-BACKEND}), so that a start
 * that cannot read them says so instead of failing inside Flink: checkpoints are in each backend's own format, and
 * neither restores into the other (CheckpointRestoreJobIT tried both ways). Checkpoints of versions before the
 * choice have no file and are the heap's.
 */
final class CheckpointBackend {

    static final String FILE = "STATE-BACKEND";
    private static final List<String> KNOWN = List.of("hashmap", "rocksdb");

    private CheckpointBackend() {
    }

    /** Refuses to resume from checkpoints another backend wrote, saying what to do. */
    static void check(Path checkpoints, Path resume, String backend, Settings s) {
        if (resume == null) {
            return;
        }
        Path file = checkpoints.resolve(FILE);
        try {
            String wrote = Files.isRegularFile(file) ? firstWord(file) : "hashmap";
            if (!KNOWN.contains(wrote)) {
                throw s.refusal("job.state-backend", "cannot be checked: " + file + " names no state backend this"
                        + " version knows (" + String.join(" or ", KNOWN) + "); if the checkpoints beside it are"
                        + " yours, write the backend that made them into it, else move " + checkpoints + " away");
            }
            if (!wrote.equals(backend)) {
                throw s.refusal("job.state-backend", "is " + backend + ", but the checkpoints in " + checkpoints
                        + " were written by " + wrote + ", which " + backend + " cannot read: set it back to " + wrote
                        + ", or move " + checkpoints + " away to start afresh (rule state and the job's open alerts"
                        + " then start over; the console keeps its alerts)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's first line, read no further than a backend's name could be: a file is not trusted to be small. */
    private static String firstWord(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(32), StandardCharsets.UTF_8);
            int end = head.indexOf('\n');
            return (end < 0 ? head : head.substring(0, end)).trim();
        }
    }

    /** Notes the backend now writing the checkpoints. */
    static void record(Path checkpoints, String backend) {
        try {
            Files.createDirectories(checkpoints);
            Files.writeString(checkpoints.resolve(FILE), backend + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
