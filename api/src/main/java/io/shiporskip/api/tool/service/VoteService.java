package io.shiporskip.api.tool.service;

import io.shiporskip.api.tool.entity.Tool;
import io.shiporskip.api.tool.mapping.ToolMapper;
import io.shiporskip.api.tool.repository.ToolRepository;
import io.shiporskip.api.tool.repository.VoteRepository;
import io.shiporskip.model.CommunitySummary;
import io.shiporskip.model.ReviewDecision;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Readers' community votes. A vote moves the tool's stored counts by its own delta in the same transaction — no
 * recount, so a vote costs the same on a tool with ten votes as on one with a million. The tool's row lock orders
 * every vote on that tool; {@code docs/CONSISTENCY.md} has the SQL that checks the counts against the vote rows.
 */
@ApplicationScoped
public class VoteService {

    /** A reader's vote and the tool's community summary right after it. {@code decision} null: no vote. */
    public record VoteView(String tool, ReviewDecision decision, CommunitySummary community) {
    }

    public record VoteRequest(
            @NotNull @Pattern(regexp = "^(SHIP|SKIP)$", message = "must be SHIP or SKIP")
            @Schema(type = SchemaType.STRING, enumeration = {"SHIP", "SKIP"}) String decision) {
    }

    private final ToolRepository tools;
    private final VoteRepository votes;
    private final VerdictService verdicts;

    public VoteService(ToolRepository tools, VoteRepository votes, VerdictService verdicts) {
        this.tools = tools;
        this.votes = votes;
        this.verdicts = verdicts;
    }

    /** Casts or changes the reader's vote; the same vote again changes nothing. */
    public Uni<VoteView> vote(long accountId, String slug, ReviewDecision decision) {
        return verdicts.afterCommit(slug, () -> tools.lockBySlug(slug).chain(tool -> votes.decisionOf(accountId, tool.id).chain(previous -> {
            if (previous == decision) {
                return Uni.createFrom().item(view(tool, decision));
            }
            return votes.upsert(accountId, tool.id, decision).chain(() -> {
                count(tool, previous, -1);
                count(tool, decision, +1);
                return verdicts.announce(tool);
            }).map(t -> view(t, decision));
        })));
    }

    /** Removes the reader's vote if there is one (idempotent). */
    public Uni<VoteView> unvote(long accountId, String slug) {
        return verdicts.afterCommit(slug, () -> tools.lockBySlug(slug).chain(tool -> votes.decisionOf(accountId, tool.id).chain(previous -> {
            if (previous == null) {
                return Uni.createFrom().item(view(tool, null));
            }
            return votes.remove(accountId, tool.id).chain(() -> {
                count(tool, previous, -1);
                return verdicts.announce(tool);
            }).map(t -> view(t, null));
        })));
    }

    private static void count(Tool tool, ReviewDecision decision, int delta) {
        if (decision == ReviewDecision.SHIP) {
            tool.communityShips += delta;
        } else if (decision == ReviewDecision.SKIP) {
            tool.communitySkips += delta;
        }
    }

    private static VoteView view(Tool tool, ReviewDecision decision) {
        return new VoteView(tool.slug, decision, ToolMapper.community(tool));
    }
}
