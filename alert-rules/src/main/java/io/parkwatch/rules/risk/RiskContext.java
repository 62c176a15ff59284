package io.parkwatch.rules.risk;

import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.operations.PlantOperations;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The configuration a risk assessment reads: the model, the park's registry (enterprises, major hazard sources,
 * units), its operating modes and the safety commitments submitted.
 */
public record RiskContext(RiskModel model, PointRegistry registry, PlantOperations operations,
        List<Commitment> commitments) {

    public RiskContext {
        commitments = commitments == null ? List.of() : List.copyOf(commitments);
        operations = operations == null ? PlantOperations.NONE : operations;
    }

    public ZoneId zone() {
        return registry.park().timeZone();
    }

    /** The enterprise's commitment for the day, if submitted. */
    public Optional<Commitment> commitment(String enterprise, LocalDate day) {
        return commitments.stream().filter(c -> c.enterpriseId().equals(enterprise) && c.day().equals(day))
                .reduce((a, b) -> b);
    }
}
