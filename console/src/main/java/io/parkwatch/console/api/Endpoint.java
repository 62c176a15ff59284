package io.parkwatch.console.api;

import java.util.concurrent.CompletionStage;

/** One operation of the API. Slow ones (a command waiting for the job's answer) complete later. */
@FunctionalInterface
public interface Endpoint {

    CompletionStage<Reply> handle(ApiCall call);
}
