package io.parkwatch.console.notify;

import io.parkwatch.rules.model.AlertEvent;

/** One way of telling people about alert events: a webhook, a group robot, an MQTT topic, SMS. */
public interface Channel extends AutoCloseable {

    /** A stable name, part of each delivery's record key. */
    String name();

    /** Whether this channel wants this event at all. */
    boolean accepts(AlertEvent e);

    /**
     * Whether people read this channel (a group robot, SMS): they are told nothing an alarm-management state holds
     * back (masked, shelved, out of service, suppressed by mode). A feed for other systems (a JSON webhook, MQTT)
     * gets every event, with its {@code heldBack} field, and decides itself.
     */
    default boolean forPeople() {
        return true;
    }

    /**
     * How many events it may be delivering at once, each alert's events still one after another in order. A feed
     * for other systems takes a flood's events in parallel; a group robot (rate-limited by its provider) or a phone
     * takes them one at a time.
     */
    default int lanes() {
        return 1;
    }

    /**
     * Delivers the event once; the event id travels as the idempotency key, so a receiver that sees a
     * retry of something it already took can drop it. Throws when the delivery did not succeed. Called from as many
     * threads at once as {@link #lanes()} says.
     */
    void deliver(AlertEvent e) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
