package io.shiporskip.api.admin;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shiporskip.api.account.AccountRepository;
import io.shiporskip.api.account.ToolMaker;
import io.shiporskip.api.account.ToolMakerRepository;
import io.shiporskip.api.admin.EditorialRequests.NewCritic;
import io.shiporskip.api.admin.EditorialRequests.NewTool;
import io.shiporskip.api.admin.EditorialRequests.ReviewRequest;
import io.shiporskip.api.admin.EditorialRequests.ToolPatch;
import io.shiporskip.api.domain.Critic;
import io.shiporskip.api.domain.Review;
import io.shiporskip.api.domain.Tool;
import io.shiporskip.api.error.ApiProblem;
import io.shiporskip.api.repository.CriticRepository;
import io.shiporskip.api.repository.ReviewRepository;
import io.shiporskip.api.repository.ToolRepository;
import io.shiporskip.api.service.Dtos;
import io.shiporskip.api.service.VerdictService;
import io.shiporskip.model.ReviewDecision;
import io.shiporskip.model.Slugs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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
    public record ReviewOutcome(boolean created, io.shiporskip.model.Review review) {
    }

    private final ToolRepository tools;
    private final CriticRepository critics;
    private final ReviewRepository reviews;
    private final AccountRepository accounts;
    private final ToolMakerRepository makers;
    private final VerdictService verdicts;

    public EditorialService(ToolRepository tools, CriticRepository critics, ReviewRepository reviews,
            AccountRepository accounts, ToolMakerRepository makers, VerdictService verdicts) {
        this.tools = tools;
        this.critics = critics;
        this.reviews = reviews;
        this.accounts = accounts;
        this.makers = makers;
        this.verdicts = verdicts;
    }

    /** Returns the new tool's slug; 409 when the slug is taken. */
    @WithTransaction
    public Uni<String> createTool(NewTool body) {
        String slug = slugOf(body.slug(), body.name());
        return tools.findBySlug(slug).chain(existing -> {
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
        });
    }

    @WithTransaction
    public Uni<String> updateTool(String slug, ToolPatch patch) {
        return lockTool(slug).chain(tool -> {
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
        });
    }

    @WithTransaction
    public Uni<io.shiporskip.model.Critic> createCritic(NewCritic body) {
        String slug = slugOf(body.slug(), body.name());
        return critics.findBySlug(slug).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(ApiProblem.conflict("A critic with slug '" + slug + "' already exists"));
            }
            return critics.panel().chain(panel -> {
                Critic critic = new Critic();
                critic.slug = slug;
                critic.name = body.name().trim();
                critic.lens = body.lens().trim();
                // Without a position the new critic joins the end of the panel.
                critic.position = body.position() != null ? body.position()
                        : panel.stream().mapToInt(c -> c.position).max().orElse(0) + 1;
                return critics.persist(critic);
            });
        }).map(Dtos::critic);
    }

    /** Creates or replaces one critic's review of a tool, then re-derives the panel verdict. */
    @WithTransaction
    public Uni<ReviewOutcome> putReview(String slug, String criticSlug, ReviewRequest body) {
        return lockTool(slug).chain(tool -> critic(criticSlug).chain(critic -> findReview(tool, critic)
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
                            .map(t -> new ReviewOutcome(existing == null, Dtos.review(review)));
                })));
    }

    @WithTransaction
    public Uni<Void> deleteReview(String slug, String criticSlug) {
        return lockTool(slug).chain(tool -> critic(criticSlug).chain(critic -> findReview(tool, critic)
                .onItem().ifNull().failWith(() -> ApiProblem.notFound(
                        "Critic '" + criticSlug + "' has not reviewed '" + slug + "'"))
                .chain(review -> reviews.delete(review))
                .chain(() -> reviews.flush())
                .chain(() -> verdicts.refresh(tool))
                .replaceWithVoid()));
    }

    /** Idempotent; 404 when the tool or the account does not exist. */
    @WithTransaction
    public Uni<Void> grantMaker(String slug, String email) {
        return tool(slug).chain(tool -> account(email).chain(account -> makers.find(account, tool)
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().voidItem();
                    }
                    ToolMaker grant = new ToolMaker();
                    grant.account = account;
                    grant.tool = tool;
                    grant.grantedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return makers.persist(grant).replaceWithVoid();
                })));
    }

    @WithTransaction
    public Uni<Void> revokeMaker(String slug, String email) {
        return tool(slug).chain(tool -> account(email).chain(account -> makers.find(account, tool)
                .chain(existing -> existing == null ? Uni.createFrom().voidItem() : makers.delete(existing))));
    }

    private Uni<Review> findReview(Tool tool, Critic critic) {
        return reviews.find("tool = ?1 and critic = ?2", tool, critic).firstResult();
    }

    private Uni<Tool> tool(String slug) {
        return tools.findBySlug(slug).onItem().ifNull()
                .failWith(() -> ApiProblem.notFound("No tool with slug '" + slug + "'"));
    }

    private Uni<Tool> lockTool(String slug) {
        return tools.find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> ApiProblem.notFound("No tool with slug '" + slug + "'"));
    }

    private Uni<Critic> critic(String slug) {
        return critics.findBySlug(slug).onItem().ifNull()
                .failWith(() -> ApiProblem.notFound("No critic with slug '" + slug + "'"));
    }

    private Uni<io.shiporskip.api.account.Account> account(String email) {
        return accounts.findByEmail(email).onItem().ifNull()
                .failWith(() -> ApiProblem.notFound("No account with e-mail '" + email + "'"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The slug sent, or one derived from the name; a 400 naming {@code slug} when neither is usable. */
    private static String slugOf(String sent, String name) {
        String slug = sent != null ? sent : Slugs.fromName(name);
        if (!Slugs.isValid(slug)) {
            throw ApiProblem.badParameter("slug",
                    "cannot be derived from this name; send a slug of lower-case letters, digits and hyphens");
        }
        return slug;
    }
}
