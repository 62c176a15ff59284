package io.parkwatch.platform.kafka;

/** A topic to create: name, partition count, and whether it is compacted (keeps the latest value per key). */
public record TopicSpec(String name, int partitions, boolean compacted) {
}
