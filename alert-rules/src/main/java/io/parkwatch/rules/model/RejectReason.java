package io.parkwatch.rules.model;

/** Why a reading was refused. Stable names: consumers of the rejected topic match on them. */
public enum RejectReason {
    MALFORMED_JSON,
    PAYLOAD_TOO_LARGE,
    BAD_TOPIC,
    FORBIDDEN_ENTERPRISE,
    UNKNOWN_POINT,
    POINT_NOT_OF_ENTERPRISE,
    MISSING_VALUE,
    NON_NUMERIC_VALUE,
    MISSING_TIMESTAMP,
    BAD_TIMESTAMP,
    FUTURE_TIMESTAMP,
    BAD_QUALITY_FLAG,
    /** Arrived after the stream job's watermark had passed its timestamp. */
    LATE
}
