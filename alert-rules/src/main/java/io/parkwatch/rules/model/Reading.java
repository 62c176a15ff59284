package io.parkwatch.rules.model;

/**
 * One measured value of one point.
 *
 * @param pointId      the point
 * @param enterpriseId the enterprise the point belongs to (copied in by the gateway so downstream needs no lookup)
 * @param timestamp    the sensor's own time of measurement, epoch milliseconds (event time)
 * @param value        the measured value in the point's unit
 * @param quality      quality flag
 * @param receivedAt   when the gateway accepted it, epoch milliseconds (for latency measurement)
 * @param source       who sent it, as the gateway knows it: {@code mqtt:<device>}, {@code hj212:<MN>},
 *                     {@code bridge:<client>}; null when not known (readings of earlier versions, tests)
 */
public record Reading(String pointId, String enterpriseId, long timestamp, double value, Quality quality, long receivedAt,
        String source) {

    public Reading {
        if (quality == null) {
            quality = Quality.N;
        }
    }

    /** A reading whose sender is not known. */
    public Reading(String pointId, String enterpriseId, long timestamp, double value, Quality quality, long receivedAt) {
        this(pointId, enterpriseId, timestamp, value, quality, receivedAt, null);
    }
}
