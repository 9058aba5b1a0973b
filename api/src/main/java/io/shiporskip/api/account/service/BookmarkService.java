package io.shiporskip.api.account.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shiporskip.api.account.entity.Bookmark;
import io.shiporskip.api.account.repository.AccountRepository;
import io.shiporskip.api.account.repository.BookmarkRepository;
import io.shiporskip.api.platform.AccountToolLinks;
import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.platform.Page;
import io.shiporskip.api.tool.mapping.ToolMapper;
import io.shiporskip.api.tool.mapping.ToolSummary;
import io.shiporskip.api.tool.repository.ToolRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Readers' bookmarks. Adding and removing are single idempotent statements ({@link AccountToolLinks}). */
@ApplicationScoped
public class BookmarkService {

    /** {@code tool} is the tool's summary for display; its {@code slug} and {@code name} are a ToolRef's. */
    @Schema(description = "A bookmark: the tool as lists show it (its `slug` and `name` are those of a ToolRef) and "
            + "when it was bookmarked")
    public record BookmarkView(ToolSummary tool, OffsetDateTime bookmarkedAt) {
    }

    private final AccountRepository accounts;
    private final ToolRepository tools;
    private final BookmarkRepository bookmarks;

    public BookmarkService(AccountRepository accounts, ToolRepository tools, BookmarkRepository bookmarks) {
        this.accounts = accounts;
        this.tools = tools;
        this.bookmarks = bookmarks;
    }

    /** Idempotent: bookmarking twice keeps the first time. */
    @WithTransaction
    public Uni<Void> bookmark(long accountId, String slug) {
        return accounts.requireById(accountId).chain(account -> tools.requireBySlug(slug))
                .chain(tool -> AccountToolLinks.BOOKMARK.add(accountId, tool.id)).replaceWithVoid();
    }

    /** Idempotent: removing a bookmark that is not there succeeds. */
    @WithTransaction
    public Uni<Void> unbookmark(long accountId, String slug) {
        return accounts.requireById(accountId).chain(account -> tools.requireBySlug(slug))
                .chain(tool -> AccountToolLinks.BOOKMARK.remove(accountId, tool.id)).replaceWithVoid();
    }

    /** Newest first; {@code cursor} is the nextCursor of the previous page or null. */
    @WithSession
    public Uni<Page<BookmarkView>> bookmarks(long accountId, String cursor, int limit) {
        Long before = cursor == null ? null : decodeCursor(cursor);
        return accounts.requireById(accountId).chain(account -> bookmarks.page(accountId, before, limit)).map(found -> {
            boolean more = found.size() > limit;
            List<Bookmark> page = more ? found.subList(0, limit) : found;
            String next = more ? encodeCursor(page.get(page.size() - 1).id) : null;
            return new Page<>(page.stream().map(b -> new BookmarkView(ToolMapper.summary(b.tool), b.createdAt)).toList(),
                    next);
        });
    }

    static String encodeCursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("b" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Long decodeCursor(String cursor) {
        try {
            if (cursor.length() <= 40) {
                String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                if (plain.startsWith("b")) {
                    return Long.parseLong(plain.substring(1));
                }
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ApiProblem.badParameter("cursor", "is not a cursor this API handed out");
    }
}
