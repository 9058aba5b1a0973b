package io.shiporskip.api.tool.service;

import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.tool.repository.ToolRepository;
import io.shiporskip.api.tool.repository.VoteRepository;
import io.shiporskip.api.tool.repository.VoteRepository.Outcome;
import io.shiporskip.model.CommunitySummary;
import io.shiporskip.model.ReviewDecision;
import io.shiporskip.model.ToolRef;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Readers' community votes, from accounts that proved their e-mail address only (others get a 403). A vote moves the tool's stored counts by its own delta — no recount, so a vote costs the
 * same on a tool with ten votes as on one with a million — in one round trip with the vote row ({@link VoteRepository}
 * says why that is exact under concurrency); other copies hear of it through {@link VoteNotices} after the commit.
 * {@code docs/CONSISTENCY.md} has the SQL that checks the counts against the vote rows.
 */
@ApplicationScoped
public class VoteService {

    /** A reader's vote and the tool's community summary right after it. {@code decision} null: no vote. */
    public record VoteView(ToolRef tool, ReviewDecision decision, CommunitySummary community) {
    }

    public record VoteRequest(
            @NotNull @Pattern(regexp = "^(SHIP|SKIP)$", message = "must be SHIP or SKIP")
            @Schema(type = SchemaType.STRING, enumeration = {"SHIP", "SKIP"}) String decision) {
    }

    private final VoteRepository votes;
    private final ToolReadCache cache;
    private final VoteNotices notices;

    public VoteService(VoteRepository votes, ToolReadCache cache, VoteNotices notices) {
        this.votes = votes;
        this.cache = cache;
        this.notices = notices;
    }

    /** Casts or changes the reader's vote; the same vote again changes nothing. */
    public Uni<VoteView> vote(long accountId, String slug, ReviewDecision decision) {
        return votes.cast(accountId, slug, decision).map(outcome -> view(slug, decision, outcome));
    }

    /** Removes the reader's vote if there is one (idempotent). */
    public Uni<VoteView> unvote(long accountId, String slug) {
        return votes.withdraw(accountId, slug).map(outcome -> view(slug, null, outcome));
    }

    /** The statement has committed: drop what showed the old counts here, and tell the other copies. */
    private VoteView view(String slug, ReviewDecision decision, Outcome outcome) {
        if (!outcome.proved()) {
            // Throw-away sign-ups must not move a tool's community line (issue 20); set_vote wrote nothing.
            throw ApiProblem.addressNotProved("vote");
        }
        if (!outcome.found()) {
            throw ToolRepository.noTool(slug);
        }
        if (outcome.changed()) {
            cache.invalidate(slug);
            notices.changed(slug);
        }
        return new VoteView(new ToolRef(slug, outcome.name()), decision,
                CommunitySummary.of(outcome.ships(), outcome.skips()));
    }
}
