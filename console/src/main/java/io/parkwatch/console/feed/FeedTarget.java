package io.parkwatch.console.feed;

/** Where the feed is pushed: one message at a time, done when the far end has taken it. */
public interface FeedTarget extends AutoCloseable {

    String name();

    /** Throws when the message was not taken (it is sent again, with the same id). */
    void send(FeedMessage m) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
