package io.parkwatch.console.api;

/** What an endpoint answers: an HTTP status and a body that is written as JSON (or, an {@link Html}, as a page). */
public record Reply(int status, Object body) {

    /** A body that is a whole HTML page (already escaped), for printing. */
    public record Html(String page) {
    }

    /** A body that is CSV text, for a spreadsheet. */
    public record Csv(String text) {
    }

    public static Reply ok(Object body) {
        return new Reply(200, body);
    }
}
