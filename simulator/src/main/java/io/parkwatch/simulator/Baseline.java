package io.parkwatch.simulator;

import io.parkwatch.rules.model.Point;
import java.util.Random;

/**
 * Normal operation of one point: a level typical of its kind, a slow daily swing for temperatures,
 * and sensor noise, all deterministic for a given seed.
 */
final class Baseline {

    private final Point point;
    private final double level;
    private final double noise;
    private final Random random;
    private final double phase;

    Baseline(Point point, long seed) {
        this.point = point;
        this.random = new Random(seed ^ point.id().hashCode());
        this.phase = (Math.abs(point.id().hashCode()) % 628) / 100.0;
        double span = point.span();
        switch (point.kind()) {
            case GAS_LEL -> { level = 1.0; noise = 0.4; }
            case GAS_TOXIC -> { level = 0.3; noise = 0.15; }
            case GAS_O2 -> { level = 20.9; noise = 0.05; }
            case TEMPERATURE -> { level = point.id().contains("R301") ? 80.0 : 22.0; noise = 0.15; }
            case PRESSURE -> { level = point.rangeLow() + span * 0.32; noise = span * 0.002; }
            case LEVEL -> { level = 55.0 + (Math.abs(point.id().hashCode()) % 20); noise = 0.05; }
            default -> { level = point.rangeLow() + span * 0.4; noise = span * 0.005; }
        }
    }

    double value(long epochMillis) {
        double v = level;
        if (point.kind() == io.parkwatch.rules.model.PointKind.LEVEL) {
            // tanks are filled and emptied: a slow swing of +/-4 % over 8 hours (a level that never moves
            // for hours is what the stuck-gauge rule looks for)
            v += 4 * Math.sin(2 * Math.PI * (epochMillis % 28_800_000L) / 28_800_000.0 + phase);
        }
        if (point.kind() == io.parkwatch.rules.model.PointKind.TEMPERATURE && !point.id().contains("R301")) {
            double dayFraction = (epochMillis % 86_400_000L) / 86_400_000.0;
            v += 4 * Math.sin(2 * Math.PI * (dayFraction - 0.375)); // warmest mid-afternoon (UTC+8 roughly)
        }
        return v + noise * random.nextGaussian();
    }

    double noisy(double scripted) {
        return scripted + noise * random.nextGaussian();
    }

    Point point() {
        return point;
    }
}
