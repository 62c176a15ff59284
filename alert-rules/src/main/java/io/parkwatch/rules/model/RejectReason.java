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
    LATE,
    /** The device may not publish this point (its ACL names other points). */
    FORBIDDEN_POINT,
    /** More readings per second than a connection may send. */
    RATE_LIMITED,
    /** HJ 212: bytes that are not a frame (no {@code ##}, bad length, missing CRLF). */
    MALFORMED_FRAME,
    /** HJ 212: the CRC does not match the data segment. */
    BAD_CRC,
    /** HJ 212: no data logger with this MN in the mapping file. */
    UNKNOWN_LOGGER,
    /** HJ 212: the PW does not match the data logger's password. */
    BAD_PASSWORD,
    /** HJ 212: a command (CN) the gateway does not take. */
    UNSUPPORTED_COMMAND,
    /** HJ 212: a pollutant or parameter code the logger's mapping does not name. */
    UNKNOWN_CODE,
    /** HJ 212: parts of a split packet that never all arrived. */
    INCOMPLETE_PACKET,
    /** A record on the readings topic the rules job cannot read (written by something other than the gateway). */
    UNREADABLE
}
