package io.shiporskip.api.account;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shiporskip.api.domain.Tool;
import io.shiporskip.api.error.ApiProblem;
import io.shiporskip.api.repository.ToolRepository;
import io.shiporskip.api.service.Dtos;
import io.shiporskip.api.service.VerdictService;
import io.shiporskip.model.CommunitySummary;
import io.shiporskip.model.Page;
import io.shiporskip.model.ReviewDecision;
import io.shiporskip.model.ToolSummary;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

/** Readers' community votes and bookmarks. */
@ApplicationScoped
public class ReaderService {

    /** A reader's vote and the tool's community summary right after it. {@code decision} null: no vote. */
    public record VoteView(String tool, ReviewDecision decision, CommunitySummary community) {
    }

    public record BookmarkView(ToolSummary tool, OffsetDateTime bookmarkedAt) {
    }

    private final AccountRepository accounts;
    private final ToolRepository tools;
    private final VoteRepository votes;
    private final BookmarkRepository bookmarks;
    private final VerdictService verdicts;

    public ReaderService(AccountRepository accounts, ToolRepository tools, VoteRepository votes,
            BookmarkRepository bookmarks, VerdictService verdicts) {
        this.accounts = accounts;
        this.tools = tools;
        this.votes = votes;
        this.bookmarks = bookmarks;
        this.verdicts = verdicts;
    }

    /** Casts or changes the reader's vote; the counts and the verdict version change in the same transaction. */
    @WithTransaction
    public Uni<VoteView> vote(long accountId, String slug, ReviewDecision decision) {
        return account(accountId).chain(account -> lockTool(slug).chain(tool -> votes.find(account, tool)
                .chain(existing -> {
                    if (existing != null && existing.decision == decision) {
                        return Uni.createFrom().item(new VoteView(slug, decision, Dtos.community(tool)));
                    }
                    Vote vote = existing != null ? existing : new Vote();
                    vote.account = account;
                    vote.tool = tool;
                    vote.decision = decision;
                    vote.votedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return votes.persist(vote).chain(() -> recount(tool))
                            .map(t -> new VoteView(slug, decision, Dtos.community(t)));
                })));
    }

    /** Removes the reader's vote if there is one (idempotent). */
    @WithTransaction
    public Uni<VoteView> unvote(long accountId, String slug) {
        return account(accountId).chain(account -> lockTool(slug).chain(tool -> votes.find(account, tool)
                .chain(existing -> existing == null
                        ? Uni.createFrom().item(new VoteView(slug, null, Dtos.community(tool)))
                        : votes.delete(existing).chain(() -> recount(tool))
                                .map(t -> new VoteView(slug, null, Dtos.community(t))))));
    }

    /** Idempotent: bookmarking twice keeps the first time. */
    @WithTransaction
    public Uni<Void> bookmark(long accountId, String slug) {
        return account(accountId).chain(account -> tool(slug).chain(tool -> bookmarks.find(account, tool)
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().voidItem();
                    }
                    Bookmark bookmark = new Bookmark();
                    bookmark.account = account;
                    bookmark.tool = tool;
                    bookmark.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return bookmarks.persist(bookmark).replaceWithVoid();
                })));
    }

    @WithTransaction
    public Uni<Void> unbookmark(long accountId, String slug) {
        return account(accountId).chain(account -> tool(slug).chain(tool -> bookmarks.find(account, tool)
                .chain(existing -> existing == null ? Uni.createFrom().voidItem() : bookmarks.delete(existing))));
    }

    /** Newest first; {@code cursor} is the nextCursor of the previous page or null. */
    @WithSession
    public Uni<Page<BookmarkView>> bookmarks(long accountId, String cursor, int limit) {
        Long before = cursor == null ? null : decodeCursor(cursor);
        return account(accountId).chain(account -> bookmarks.page(account.id, before, limit)).map(found -> {
            boolean more = found.size() > limit;
            List<Bookmark> page = more ? found.subList(0, limit) : found;
            String next = more ? encodeCursor(page.get(page.size() - 1).id) : null;
            return new Page<>(page.stream().map(b -> new BookmarkView(Dtos.summary(b.tool), b.createdAt)).toList(),
                    next);
        });
    }

    /** Counts from the vote table (not deltas), so the tool's columns can never drift from the votes. */
    private Uni<Tool> recount(Tool tool) {
        return votes.flush().chain(() -> votes.count(tool)).chain(counts -> {
            tool.communityShips = counts[0];
            tool.communitySkips = counts[1];
            return verdicts.announce(tool);
        });
    }

    private Uni<Account> account(long id) {
        return accounts.findById(id).onItem().ifNull().failWith(AccountService::gone);
    }

    private Uni<Tool> tool(String slug) {
        return tools.findBySlug(slug).onItem().ifNull().failWith(() -> noTool(slug));
    }

    /** Row lock: concurrent votes on one tool serialise here, so the recount and version bump cannot interleave. */
    private Uni<Tool> lockTool(String slug) {
        return tools.find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> noTool(slug));
    }

    static ApiProblem noTool(String slug) {
        return ApiProblem.notFound("No tool with slug '" + slug + "'");
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
