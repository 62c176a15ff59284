package io.parkwatch.rules.lifecycle;

/** A person (or office) to notify: who, in what role, and how to reach them. */
public record Contact(String role, String name, String phone) {

    @Override
    public String toString() {
        return name + " (" + role + (phone == null ? "" : ", " + phone) + ")";
    }
}
