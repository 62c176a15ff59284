package io.parkwatch.console.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.List;

/** The feed's published JSON Schema, as a platform would check our messages against it. */
public final class FeedSchema {

    private static final JsonSchema SCHEMA;

    static {
        try (InputStream in = FeedSchema.class.getResourceAsStream("/feed/parkwatch-feed-1.schema.json")) {
            SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private FeedSchema() {
    }

    /** What is wrong with a message, or nothing. */
    public static List<String> problems(JsonNode message) {
        return SCHEMA.validate(message).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
