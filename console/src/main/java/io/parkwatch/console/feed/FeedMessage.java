package io.parkwatch.console.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One message of the feed for upstream platforms (schema {@value #SCHEMA}, resources/feed/parkwatch-feed-1.schema.json,
 * docs/feed.md). Sent again, a message has the same id.
 *
 * @param schema     always {@value #SCHEMA}
 * @param id         unique and stable: the platform deduplicates by it
 * @param type       risk-level, risk-warning, alarm or data-quality
 * @param park       the park's name
 * @param enterprise the enterprise, or null for the park itself
 * @param at         when it happened, ISO 8601 with the park's offset
 * @param data       what the type says
 */
public record FeedMessage(String schema, String id, String type, String park,
        @JsonInclude(JsonInclude.Include.ALWAYS) String enterprise, String at, Map<String, Object> data) {

    public static final String SCHEMA = "parkwatch-feed/1";
}
