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
 */
public record Reading(String pointId, String enterpriseId, long timestamp, double value, Quality quality, long receivedAt) {

    public Reading {
        if (quality == null) {
            quality = Quality.N;
        }
    }
}
