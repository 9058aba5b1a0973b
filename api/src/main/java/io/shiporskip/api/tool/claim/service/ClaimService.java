package io.shiporskip.api.tool.claim.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.platform.Page;
import io.shiporskip.api.platform.Tokens;
import io.shiporskip.api.tool.claim.entity.ClaimStatus;
import io.shiporskip.api.tool.claim.entity.ProofMethod;
import io.shiporskip.api.tool.claim.entity.ToolClaim;
import io.shiporskip.api.tool.claim.repository.ClaimRepository;
import io.shiporskip.api.tool.repository.ToolRepository;
import io.shiporskip.api.tool.service.MakerAccounts;
import io.shiporskip.api.tool.service.MakerGrants;
import io.shiporskip.api.tool.service.MakerGrants.Entry;
import io.shiporskip.api.tool.service.MakerGrants.Event;
import io.shiporskip.model.ToolRef;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makers' self-serve claims: an account with a proved e-mail address claims a tool, publishes the claim's token on
 * the tool's website, and the api fetches it once per proof request; what cannot be proved that way waits for an
 * editor. Every step leaves a row in the maker audit (MakerGrants), and an approval grants through the same code as
 * an editor's grant.
 *
 * <p>No transaction is open while a proof is fetched: the claim is read in one short session, the website fetched
 * with none, and the outcome written in a second transaction that moves the claim only from an open state — so a
 * proof racing an editor's decision, or eleven identical proofs, leave exactly one decision.
 */
@ApplicationScoped
public class ClaimService {

    private static final List<ClaimStatus> OPEN = List.of(ClaimStatus.AWAITING_PROOF, ClaimStatus.IN_REVIEW);

    /** A claim and whether this request created it (201) or found the account's open one (200). */
    public record Outcome(Claim claim, boolean created) {
    }

    /** A claim after a write, and the mail to send once that write has committed (or null). */
    private record Decision(Claim claim, Supplier<Uni<Void>> mail) {
    }

    private final ClaimRepository claims;
    private final ToolRepository tools;
    private final MakerAccounts accounts;
    private final MakerGrants grants;
    private final ProofCheck proofs;
    private final ClaimMail mail;

    public ClaimService(ClaimRepository claims, ToolRepository tools, MakerAccounts accounts, MakerGrants grants,
            ProofCheck proofs, ClaimMail mail) {
        this.claims = claims;
        this.tools = tools;
        this.accounts = accounts;
        this.grants = grants;
        this.proofs = proofs;
        this.mail = mail;
    }

    /**
     * A new claim (created), or the account's open claim on the tool. 404 unknown tool, 403 address not proved, 409
     * already a maker. One statement inserts, so identical requests at once leave one claim.
     */
    public Uni<Outcome> create(long accountId, String slug) {
        return Panache.withTransaction(() -> tools.requireBySlug(slug).chain(tool -> accounts.claimant(accountId)
                .chain(claimant -> {
                    if (!claimant.emailVerified()) {
                        return Uni.createFrom().failure(ApiProblem.addressNotProved("claim a tool"));
                    }
                    return grants.isMaker(accountId, tool.id).chain(maker -> {
                        if (maker) {
                            return Uni.createFrom().failure(ApiProblem.conflict(
                                    "This account is already a maker of '" + slug + "'"));
                        }
                        return claims.insertOpen(tool.id, accountId, Tokens.generate()).chain(id -> id != null
                                ? grants.record(new Entry(Event.CLAIMED, accountId, accountId, tool.id, id, null,
                                        ClaimStatus.AWAITING_PROOF.name(), null))
                                        .chain(() -> claims.findWithTool(id)).map(claim -> new Outcome(view(claim), true))
                                : claims.findOpen(accountId, tool.id).map(open -> {
                                    if (open == null) {
                                        // Decided between our insert and this read: rare, and a retry creates anew.
                                        throw ApiProblem.conflict("The claim changed while it was read; try again");
                                    }
                                    return new Outcome(view(open), false);
                                }));
                    });
                })));
    }

    /** The claim for its claimant or an editor; 404 for anyone else, and when the id is not on this tool. */
    public Uni<Claim> get(long accountId, boolean admin, String slug, UUID id) {
        return Panache.withSession(() -> claims.findWithTool(id)).map(claim -> {
            if (claim == null || !claim.tool.slug.equals(slug) || (!admin && claim.accountId != accountId)) {
                throw noClaim();
            }
            return view(claim);
        });
    }

    /**
     * Fetches the proof once: approved (the account becomes a maker) or in review with what the fetch found. An
     * approved claim answers as it is; a rejected one is a 409. Only the claimant may prove (404 for anyone else).
     */
    public Uni<Claim> prove(long accountId, String slug, UUID id) {
        return Panache.withSession(() -> claims.findWithTool(id)).chain(claim -> {
            if (claim == null || !claim.tool.slug.equals(slug) || claim.accountId != accountId) {
                return Uni.createFrom().failure(noClaim());
            }
            if (claim.status == ClaimStatus.APPROVED) {
                return Uni.createFrom().item(view(claim));
            }
            if (claim.status == ClaimStatus.REJECTED) {
                return Uni.createFrom().failure(ApiProblem.conflict(
                        "This claim was rejected; start a new claim with POST /api/tools/" + slug + "/claims"));
            }
            long toolId = claim.tool.id;
            String toolName = claim.tool.name;
            Uni<ProofCheck.Result> check = claim.tool.website == null
                    ? Uni.createFrom().item(new ProofCheck.Result(null, null,
                            "The tool has no website on record, so there is nothing to fetch; an editor will review the claim"))
                    : proofs.check(claim.tool.website, claim.token);
            // The session above is closed: nothing holds a database connection while the website is fetched.
            return check.chain(result -> Panache.withTransaction(() -> result.method() != null
                    ? proved(accountId, toolId, toolName, slug, id, result)
                    : unproved(accountId, toolId, id, result.reason())))
                    .call(decision -> decision.mail() == null ? Uni.createFrom().voidItem() : decision.mail().get())
                    .map(Decision::claim);
        });
    }

    private Uni<Decision> proved(long accountId, long toolId, String toolName, String slug, UUID id,
            ProofCheck.Result result) {
        return claims.move(id, OPEN, ClaimStatus.APPROVED, result.method(), null).chain(moved -> {
            if (!moved) {
                return current(id); // decided meanwhile (an identical proof, an editor): answer what is stored
            }
            String method = result.method().name();
            return grants.record(new Entry(Event.PROOF_ATTEMPT, accountId, accountId, toolId, id, method,
                    ClaimStatus.APPROVED.name(), result.url()))
                    .chain(() -> grants.record(new Entry(Event.APPROVED, null, accountId, toolId, id, method, null,
                            result.url())))
                    .chain(() -> grants.grant(accountId, toolId, null, id, method))
                    .chain(() -> accounts.claimant(accountId))
                    .chain(claimant -> claims.findWithTool(id).map(claim -> new Decision(view(claim),
                            () -> mail.approved(claimant.email(), toolName, slug, id.toString(), how(result), null))));
        });
    }

    private Uni<Decision> unproved(long accountId, long toolId, UUID id, String reason) {
        String stored = truncate(reason);
        return claims.move(id, OPEN, ClaimStatus.IN_REVIEW, null, stored).chain(moved -> !moved ? current(id)
                : grants.record(new Entry(Event.PROOF_ATTEMPT, accountId, accountId, toolId, id, null,
                        ClaimStatus.IN_REVIEW.name(), stored)).chain(() -> current(id)));
    }

    private Uni<Decision> current(UUID id) {
        return claims.findWithTool(id).map(claim -> new Decision(view(claim), null));
    }

    /** The editors' queue: claims in one status, oldest first. */
    public Uni<Page<QueuedClaim>> queue(ClaimStatus status, int limit, String cursor) {
        QueueCursor after = cursor == null || cursor.isEmpty() ? null : QueueCursor.decode(cursor, status);
        return Panache.withSession(() -> claims.page(status, after == null ? null : after.createdAt(),
                after == null ? null : after.id(), limit)
                .chain(rows -> {
                    List<ToolClaim> page = rows.size() > limit ? rows.subList(0, limit) : rows;
                    String next = rows.size() > limit
                            ? new QueueCursor(status, page.get(page.size() - 1).createdAt, page.get(page.size() - 1).id).encode()
                            : null;
                    return accounts.emails(page.stream().map(c -> c.accountId).distinct().toList())
                            .map(emails -> new Page<>(page.stream()
                                    .map(c -> QueuedClaim.of(view(c), emails.get(c.accountId))).toList(), next));
                }));
    }

    /** An editor approves an open claim (the claimant becomes a maker); approving an approved claim changes nothing. */
    public Uni<Claim> approve(long editorId, UUID id, String note) {
        String stored = truncate(note);
        return Panache.withTransaction(() -> claims.move(id, OPEN, ClaimStatus.APPROVED, ProofMethod.ADMIN, stored)
                .chain(moved -> claims.findWithTool(id).chain(claim -> {
                    if (claim == null) {
                        return Uni.createFrom().<Decision>failure(noClaim());
                    }
                    if (!moved) {
                        return claim.status == ClaimStatus.APPROVED ? Uni.createFrom().item(new Decision(view(claim), null))
                                : Uni.createFrom().failure(ApiProblem.conflict("This claim was rejected; the account "
                                        + "can claim the tool again, or an editor can grant it with PUT /api/tools/"
                                        + claim.tool.slug + "/makers/{email}"));
                    }
                    long accountId = claim.accountId;
                    long toolId = claim.tool.id;
                    String toolName = claim.tool.name;
                    String slug = claim.tool.slug;
                    return grants.record(new Entry(Event.APPROVED, editorId, accountId, toolId, id,
                            ProofMethod.ADMIN.name(), null, stored))
                            .chain(() -> grants.grant(accountId, toolId, editorId, id, ProofMethod.ADMIN.name()))
                            .chain(() -> accounts.claimant(accountId))
                            .map(claimant -> new Decision(view(claim), () -> mail.approved(claimant.email(), toolName,
                                    slug, id.toString(), "an editor reviewed your claim", stored)));
                })))
                .call(decision -> decision.mail() == null ? Uni.createFrom().voidItem() : decision.mail().get())
                .map(Decision::claim);
    }

    /** An editor rejects an open claim with a reason the claimant is mailed; rejecting a rejected claim changes nothing. */
    public Uni<Claim> reject(long editorId, UUID id, String reason) {
        String stored = truncate(reason);
        return Panache.withTransaction(() -> claims.move(id, OPEN, ClaimStatus.REJECTED, null, stored)
                .chain(moved -> claims.findWithTool(id).chain(claim -> {
                    if (claim == null) {
                        return Uni.createFrom().<Decision>failure(noClaim());
                    }
                    if (!moved) {
                        return claim.status == ClaimStatus.REJECTED ? Uni.createFrom().item(new Decision(view(claim), null))
                                : Uni.createFrom().failure(ApiProblem.conflict("This claim is already approved; to take "
                                        + "the rights back, revoke them with DELETE /api/tools/" + claim.tool.slug
                                        + "/makers/{email}"));
                    }
                    long accountId = claim.accountId;
                    String toolName = claim.tool.name;
                    String slug = claim.tool.slug;
                    return grants.record(new Entry(Event.REJECTED, editorId, accountId, claim.tool.id, id, null, null,
                            stored))
                            .chain(() -> accounts.claimant(accountId))
                            .map(claimant -> new Decision(view(claim),
                                    () -> mail.rejected(claimant.email(), toolName, slug, id.toString(), stored)));
                })))
                .call(decision -> decision.mail() == null ? Uni.createFrom().voidItem() : decision.mail().get())
                .map(Decision::claim);
    }

    static Claim view(ToolClaim claim) {
        String website = claim.tool.website;
        return new Claim(claim.id.toString(), new ToolRef(claim.tool.slug, claim.tool.name), claim.status, claim.token,
                new ClaimProof(website == null ? null : ProofCheck.wellKnownUrl(website), ProofCheck.metaTag(claim.token)),
                claim.createdAt, claim.decidedAt, claim.provedBy, claim.reason);
    }

    private static String how(ProofCheck.Result result) {
        return switch (result.method()) {
            case WELL_KNOWN -> "the file " + result.url() + " carries your token";
            case META -> "the page " + result.url() + " carries your meta tag";
            case ADMIN -> "an editor reviewed your claim";
        };
    }

    public static ApiProblem noClaim() {
        return ApiProblem.notFound("No claim with this id on this tool for this account");
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    /** Where the queue's next page starts: the status it belongs to, and the last claim's (createdAt, id). */
    record QueueCursor(ClaimStatus status, OffsetDateTime createdAt, UUID id) {

        String encode() {
            String plain = status.name() + "\n" + createdAt + "\n" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        static QueueCursor decode(String token, ClaimStatus expected) {
            if (token.length() > 200) {
                throw invalid();
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
                if (parts.length != 3) {
                    throw invalid();
                }
                if (ClaimStatus.valueOf(parts[0]) != expected) {
                    throw ApiProblem.badParameter("cursor", "belongs to another status; start again without a cursor");
                }
                return new QueueCursor(expected, OffsetDateTime.parse(parts[1]), UUID.fromString(parts[2]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw invalid();
            }
        }

        private static ApiProblem invalid() {
            return ApiProblem.badParameter("cursor", "is not a cursor this api gave out");
        }
    }
}
