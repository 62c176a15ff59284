package io.parkwatch.ingest.intake;

import java.util.concurrent.CompletableFuture;

/**
 * Where accepted and refused readings go. The future completes only when every record of the
 * result is durably stored (for Kafka: acknowledged by all in-sync replicas); only then may the
 * device be told its message arrived.
 */
public interface ReadingSink extends AutoCloseable {

    CompletableFuture<Void> write(IntakeResult result);

    @Override
    void close();
}
