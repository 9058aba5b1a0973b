package io.shiporskip.api.tool.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shiporskip.api.tool.service.EditorialRequests.NewTool;
import io.shiporskip.api.tool.service.EditorialRequests.ReviewRequest;
import io.shiporskip.api.tool.service.EditorialRequests.ToolPatch;
import io.shiporskip.api.critic.Critic;
import io.shiporskip.api.tool.entity.Review;
import io.shiporskip.api.tool.entity.Tool;
import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.platform.Params;
import io.shiporskip.api.critic.CriticService;
import io.shiporskip.api.tool.repository.ReviewRepository;
import io.shiporskip.api.tool.repository.ToolRepository;
import io.shiporskip.api.tool.mapping.ToolMapper;
import io.shiporskip.model.ReviewDecision;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Editors' writes to the catalog. Every change a verdict or badge shows goes through {@link VerdictService} in the
 * same transaction, so the verdict version moves and badge-service is notified on commit. Tool rows are locked
 * first so a concurrent vote or review cannot overwrite the other's columns.
 */
@ApplicationScoped
public class EditorialService {

    /** A review after a PUT; {@code created} tells 201 from 200. */
    public record ReviewOutcome(boolean created, io.shiporskip.api.tool.mapping.ReviewView review) {
    }

    private final ToolRepository tools;
    private final CriticService critics;
    private final ReviewRepository reviews;
    private final MakerAccounts makerAccounts;
    private final VerdictService verdicts;
    private final MakerGrants grants;

    public EditorialService(ToolRepository tools, CriticService critics, ReviewRepository reviews,
            MakerAccounts makerAccounts, VerdictService verdicts, MakerGrants grants) {
        this.grants = grants;
        this.tools = tools;
        this.critics = critics;
        this.reviews = reviews;
        this.makerAccounts = makerAccounts;
        this.verdicts = verdicts;
    }

    /** Returns the new tool's slug; 409 when the slug is taken. */
    public Uni<String> createTool(NewTool body) {
        String slug = Params.newSlug(body.slug(), body.name());
        return verdicts.afterCommit(slug, () -> tools.findBySlug(slug).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(ApiProblem.conflict("A tool with slug '" + slug + "' already exists"));
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            Tool tool = new Tool();
            tool.slug = slug;
            tool.name = body.name().trim();
            tool.vendor = body.vendor().trim();
            tool.tagline = body.tagline().trim();
            tool.description = body.description().trim();
            tool.category = body.category().trim();
            tool.pricing = body.pricing().trim();
            tool.entryPrice = body.entryPrice().trim();
            tool.license = blankToNull(body.license());
            tool.website = blankToNull(body.website());
            tool.createdAt = now;
            tool.updatedAt = now;
            return tools.persist(tool).chain(verdicts::refresh).map(t -> t.slug);
        }));
    }

    public Uni<String> updateTool(String slug, ToolPatch patch) {
        return verdicts.afterCommit(slug, () -> tools.lockBySlug(slug).chain(tool -> {
            if (patch.name() != null) {
                tool.name = patch.name().trim();
            }
            if (patch.vendor() != null) {
                tool.vendor = patch.vendor().trim();
            }
            if (patch.tagline() != null) {
                tool.tagline = patch.tagline().trim();
            }
            if (patch.description() != null) {
                tool.description = patch.description().trim();
            }
            if (patch.category() != null) {
                tool.category = patch.category().trim();
            }
            if (patch.pricing() != null) {
                tool.pricing = patch.pricing().trim();
            }
            if (patch.entryPrice() != null) {
                tool.entryPrice = patch.entryPrice().trim();
            }
            if (patch.license() != null) {
                tool.license = blankToNull(patch.license());
            }
            if (patch.website() != null) {
                tool.website = blankToNull(patch.website());
            }
            // The name and tagline show on badges: a new version makes badge-service drop its cached copy.
            return verdicts.announce(tool).map(t -> t.slug);
        }));
    }


    /** Creates or replaces one critic's review of a tool, then re-derives the panel verdict. */
    public Uni<ReviewOutcome> putReview(String slug, String criticSlug, ReviewRequest body) {
        return verdicts.afterCommit(slug, () -> tools.lockBySlug(slug).chain(tool -> critics.requireBySlug(criticSlug).chain(critic -> findReview(tool, critic)
                .chain(existing -> {
                    Review review = existing != null ? existing : new Review();
                    review.tool = tool;
                    review.critic = critic;
                    review.score = body.score();
                    review.decision = ReviewDecision.valueOf(body.decision());
                    review.text = body.text().trim();
                    review.publishedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return reviews.persist(review)
                            .chain(() -> reviews.flush())
                            .chain(() -> verdicts.refresh(tool))
                            .map(t -> new ReviewOutcome(existing == null, ToolMapper.review(review)));
                }))));
    }

    public Uni<Void> deleteReview(String slug, String criticSlug) {
        return verdicts.afterCommit(slug, () -> tools.lockBySlug(slug).chain(tool -> critics.requireBySlug(criticSlug).chain(critic -> findReview(tool, critic)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound(
                        "Critic '" + criticSlug + "' has not reviewed '" + slug + "'"))
                .chain(review -> reviews.delete(review))
                .chain(() -> reviews.flush())
                .chain(() -> verdicts.refresh(tool))
                .replaceWithVoid())));
    }

    /**
     * Idempotent; 404 when the tool or the account does not exist. {@code editorId} is the admin acting: the change
     * is audited (MakerGrants) as done by them.
     */
    @WithTransaction
    public Uni<Void> grantMaker(String slug, String email, long editorId) {
        return tools.requireBySlug(slug).chain(tool -> makerAccounts.requireByEmail(email)
                .chain(account -> grants.grant(account, tool.id, editorId, null, MakerGrants.BY_EDITOR)))
                .replaceWithVoid();
    }

    /** Idempotent; 404 when the tool or the account does not exist. Audited like {@link #grantMaker}. */
    @WithTransaction
    public Uni<Void> revokeMaker(String slug, String email, long editorId) {
        return tools.requireBySlug(slug).chain(tool -> makerAccounts.requireByEmail(email)
                .chain(account -> grants.revoke(account, tool.id, editorId, MakerGrants.BY_EDITOR)))
                .replaceWithVoid();
    }

    private Uni<Review> findReview(Tool tool, Critic critic) {
        return reviews.find("tool = ?1 and critic = ?2", tool, critic).firstResult();
    }





    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
