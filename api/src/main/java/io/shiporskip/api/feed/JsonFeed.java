package io.shiporskip.api.feed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1); dates are RFC 3339 strings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonFeed(
        String version,
        String title,
        @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl,
        String description,
        String language,
        List<Author> authors,
        List<Item> items) {

    public static final String MEDIA_TYPE = "application/feed+json";
    public static final String VERSION = "https://jsonfeed.org/version/1.1";

    @Schema(name = "JsonFeedAuthor")
    public record Author(String name) {
    }

    @Schema(name = "JsonFeedItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            String id,
            String url,
            String title,
            String summary,
            @JsonProperty("content_text") String contentText,
            @JsonProperty("date_published") String datePublished,
            @JsonProperty("date_modified") String dateModified,
            List<String> tags) {
    }
}
