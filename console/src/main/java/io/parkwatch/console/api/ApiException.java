package io.parkwatch.console.api;

import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;

/** A request the API refuses, with the HTTP status and a sentence saying why (in each reader's language). */
public final class ApiException extends RuntimeException {

    private final int status;
    private final Message text;

    public ApiException(int status, Message text) {
        super(Catalogue.english().render(text)); // logs stay in one language
        this.status = status;
        this.text = text;
    }

    public int status() {
        return status;
    }

    public Message text() {
        return text;
    }

    public static ApiException badRequest(String key, Object... args) {
        return new ApiException(400, Message.of(key, args));
    }

    public static ApiException forbidden(String key, Object... args) {
        return new ApiException(403, Message.of(key, args));
    }

    public static ApiException notFound(String key, Object... args) {
        return new ApiException(404, Message.of(key, args));
    }
}
