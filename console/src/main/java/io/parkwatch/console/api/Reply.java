package io.parkwatch.console.api;

/** What an endpoint answers: an HTTP status and a body that is written as JSON. */
public record Reply(int status, Object body) {

    public static Reply ok(Object body) {
        return new Reply(200, body);
    }
}
