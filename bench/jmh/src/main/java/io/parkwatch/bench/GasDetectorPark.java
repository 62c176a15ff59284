package io.parkwatch.bench;

/**
 * The park of the state benchmarks: N combustible gas detectors of one enterprise under the demo park's rules for
 * them (config/rules.yaml): the GB/T 50493 threshold, the rate of rise over 1 minute, the trend over 3 minutes, and
 * instrument quality. The state a point keeps is then the shared history of the rate and trend rules.
 */
final class GasDetectorPark {

    static final String RULES = """
            rules:
              - { id: combustible-gas, type: threshold, match: { kind: gas_lel }, high: { alarm: 25, critical: 50 },
                  deadband: 2, on-delay: 2s }
              - { id: combustible-gas-rate, type: rate, match: { kind: gas_lel }, direction: rise,
                  per-minute: { warn: 10 }, window: 1m }
              - { id: combustible-gas-trend, type: trend, match: { kind: gas_lel }, direction: rise, limit: 25,
                  window: 3m, horizon: 10m }
              - { id: instrument-quality, type: quality, match: { all: true } }
            """;

    private GasDetectorPark() {
    }

    /** points.yaml of detectors G0 ... G(n-1), range 0-100 %LEL. */
    static String points(int n) {
        StringBuilder points = new StringBuilder("enterprises: [ { id: ent-a } ]\npoints:\n");
        for (int i = 0; i < n; i++) {
            points.append("  - { id: G").append(i).append(", enterprise: ent-a, kind: gas_lel, range: [0, 100] }\n");
        }
        return points.toString();
    }
}
