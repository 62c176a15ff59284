package io.parkwatch.rules.lifecycle;

/**
 * Someone the chain of responsibility can call: a person of the contacts file, with an id the events, the audit and
 * the signed links name. Not a console user (the responsible persons and the county bureau act through links and
 * callbacks).
 *
 * @param id    unique in the file
 * @param name  as people know them
 * @param phone for SMS and voice, or null
 */
public record Person(String id, String name, String phone) {
}
