package io.parkwatch.ingest.intake;

import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.ReadingStats;
import io.parkwatch.rules.wire.RejectedReading;
import java.util.List;

/**
 * The outcome of one payload: the readings accepted, the ones refused (each with its reason), and
 * interval statistics a data logger reported (HJ 212 minute, hour and day data).
 */
public record IntakeResult(List<Reading> accepted, List<RejectedReading> rejected, List<ReadingStats> stats) {

    public IntakeResult(List<Reading> accepted, List<RejectedReading> rejected) {
        this(accepted, rejected, List.of());
    }

    public boolean allAccepted() {
        return rejected.isEmpty();
    }

    public int records() {
        return accepted.size() + rejected.size() + stats.size();
    }
}
