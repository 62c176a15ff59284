package io.parkwatch.ingest.hj212;

/** A packet that does not follow HJ 212-2017, with what is wrong. */
public final class Hj212Exception extends RuntimeException {

    public Hj212Exception(String message) {
        super(message);
    }
}
