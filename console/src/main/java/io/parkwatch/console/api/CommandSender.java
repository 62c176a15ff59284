package io.parkwatch.console.api;

import io.parkwatch.rules.model.AlertCommand;
import java.util.concurrent.CompletableFuture;

/** Where operators' commands go: the commands topic ({@link KafkaCommandSender}), which the job reads. */
public interface CommandSender {

    /** Completes when the command is held where the job will read it, or fails saying why. */
    CompletableFuture<Void> send(AlertCommand c);
}
