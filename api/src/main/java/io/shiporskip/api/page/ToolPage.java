package io.shiporskip.api.page;

import io.shiporskip.api.platform.PageMeta;
import io.shiporskip.api.critic.CriticView;
import io.shiporskip.api.tool.mapping.ReviewView;
import io.shiporskip.api.tool.mapping.ShareText;
import io.shiporskip.api.tool.mapping.ToolDetail;
import io.shiporskip.api.tool.mapping.ToolSummary;
import io.shiporskip.model.CommunitySummary;
import io.shiporskip.model.Markup;
import io.shiporskip.model.VerdictDecision;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Everything the review page of one tool prints, already in words; the template only lays it out. */
public record ToolPage(
        PageMeta meta,
        ToolDetail tool,
        String website,
        VerdictView verdict,
        List<ReviewCard> reviews,
        List<String> pendingCritics,
        CommunityView community,
        ShareText share,
        List<Alternative> alternatives,
        EmbedCodes embed,
        SubscribeForm subscribe) {

    /** One critic's review: who, the lens they judge by, score, call and text. */
    public record ReviewCard(String critic, String lens, int score, String call, String tone, String text) {
    }

    public record CommunityView(boolean voted, String label, int ships, int skips) {
    }

    /** A tool to compare this one with, and the relative link to that comparison. */
    public record Alternative(String name, String tagline, String call, String tone, String compareHref) {
    }

    public static ToolPage of(ToolDetail tool, List<CriticView> panel, List<ToolSummary> alternatives, ShareText share,
            PageLinks links) {
        VerdictView verdict = VerdictView.of(tool.verdict());
        Map<String, String> lenses = new HashMap<>();
        panel.forEach(c -> lenses.put(c.slug(), c.lens()));
        List<ReviewCard> cards = tool.reviews().stream().map(r -> card(r, lenses.get(r.critic().slug()))).toList();
        Set<String> reviewed = new HashSet<>();
        tool.reviews().forEach(r -> reviewed.add(r.critic().slug()));
        List<String> pending = panel.stream().filter(c -> !reviewed.contains(c.slug())).map(c -> Markup.clean(c.name())).toList();

        CommunitySummary votes = tool.community();
        CommunityView community = new CommunityView(votes.state() == CommunitySummary.CommunityState.VOTED,
                votes.label(), votes.ships(), votes.skips());

        List<Alternative> others = alternatives.stream()
                .filter(a -> !a.slug().equals(tool.slug()))
                .map(a -> {
                    VerdictView v = VerdictView.of(a.verdict());
                    return new Alternative(Markup.clean(a.name()), Markup.clean(a.tagline()), v.call(), v.tone(),
                            PageLinks.comparePath(List.of(tool.slug(), a.slug())));
                }).toList();

        String name = Markup.clean(tool.name());
        String heading = verdict.reviewed()
                ? name + " review: the panel says " + verdict.call()
                : name + " review: awaiting the panel's verdict";
        String description = Markup.clean(tool.tagline()) + ". " + (verdict.reviewed()
                ? "Panel verdict: " + verdict.call() + ", " + verdict.tally() + " (" + verdict.shipPercent()
                        + " ship, mean score " + verdict.meanScore() + "/100)."
                : "The expert panel has not reviewed it yet.");
        PageMeta meta = PageMeta.shared(heading, description, links.reviewPage(tool.slug()), "article");

        // Names and short labels as badges and feeds show them: no bidi overrides or zero-width characters.
        ToolDetail shown = new ToolDetail(tool.slug(), name, Markup.clean(tool.vendor()), Markup.clean(tool.tagline()),
                tool.description(), Markup.clean(tool.category()), tool.pricing(), tool.entryPrice(), tool.license(),
                tool.website(), tool.createdAt(), tool.updatedAt(), tool.verdict(), tool.community(), tool.reviews());
        return new ToolPage(meta, shown, webLink(tool.website()), verdict, cards, pending, community, share, others,
                EmbedCodes.of(tool.slug(), tool.name(), links), SubscribeForm.empty(tool.slug()));
    }

    private static ReviewCard card(ReviewView review, String lens) {
        return new ReviewCard(Markup.clean(review.critic().name()), lens, review.score(), VerdictView.callOf(review.decision()),
                VerdictView.tone(review.decision()), review.text());
    }

    /** Only http(s) addresses become links: a stored "javascript:" URL must never be clickable. */
    static String webLink(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? trimmed : null;
    }

    /** The website without its scheme, as link text. */
    public String websiteLabel() {
        if (website == null) {
            return null;
        }
        String label = website.replaceFirst("(?i)^https?://", "");
        return label.endsWith("/") ? label.substring(0, label.length() - 1) : label;
    }

    public boolean hasReviews() {
        return !reviews.isEmpty();
    }
}
