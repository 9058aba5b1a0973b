package io.shiporskip.api.platform;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a keyset-paginated list; {@code nextCursor} is opaque and null on the last page. */
public record Page<T>(List<T> items,
        @Schema(nullable = true, description = "Pass as `cursor` to get the next page; null on the last page") String nextCursor) {
}
