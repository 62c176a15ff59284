package io.parkwatch.ingest.intake;

import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.RejectedReading;
import java.util.List;

/** The outcome of one payload: the readings accepted and the ones refused, each with its reason. */
public record IntakeResult(List<Reading> accepted, List<RejectedReading> rejected) {

    public boolean allAccepted() {
        return rejected.isEmpty();
    }
}
