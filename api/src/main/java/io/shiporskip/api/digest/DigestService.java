package io.shiporskip.api.digest;

import io.shiporskip.api.config.ApiConfig.Site;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.model.VerdictWording;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shiporskip.api.tool.entity.Tool;
import io.shiporskip.api.tool.repository.ToolRepository;
import io.shiporskip.model.VerdictDecision;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds a week's digest: the tools added that week that have a panel verdict. */
@ApplicationScoped
public class DigestService {

    private final ToolRepository tools;
    private final Site site;

    public DigestService(ToolRepository tools, ApiConfig apiConfig) {
        Site site = apiConfig.site();
        this.tools = tools;
        this.site = site;
    }

    /** The whole week: the web version the mails link to. */
    @WithSession
    public Uni<WeeklyDigest> weekly(IsoWeek week) {
        return top(week, Integer.MAX_VALUE);
    }

    /** The week's {@code limit} most-shipped verdicts, and how many the week has in all. */
    @WithSession
    public Uni<MailDigest> forMail(IsoWeek week, int limit) {
        return top(week, limit).chain(digest -> tools.count(IN_WEEK, week.start(), week.end(), VerdictDecision.NONE)
                .map(total -> new MailDigest(digest, total)));
    }

    /** What a mail shows: the first entries of the week, and the week's total. */
    public record MailDigest(WeeklyDigest shown, long total) {
    }

    private static final String IN_WEEK = "createdAt >= ?1 and createdAt < ?2 and panelDecision <> ?3";

    private Uni<WeeklyDigest> top(IsoWeek week, int limit) {
        // Most-shipped first; ties by ship share, then mean score, then name, so the order is stable.
        // The week's tools come from the created_at index; only they are sorted, however large the catalog.
        var query = tools.find(IN_WEEK + " order by panelShips desc, coalesce(panelShipPercent, -1) desc, "
                        + "coalesce(panelMeanScore, -1) desc, lower(name), id",
                        week.start(), week.end(), VerdictDecision.NONE);
        return (limit == Integer.MAX_VALUE ? query : query.range(0, limit - 1)).list()
                .map(found -> new WeeklyDigest(week.toString(), week.monday(), week.monday().plusDays(6),
                        found.stream().map(this::entry).toList()));
    }

    private WeeklyDigest.Entry entry(Tool tool) {
        return new WeeklyDigest.Entry(tool.slug, tool.name, tool.panelDecision, tool.panelShips, tool.panelSkips,
                VerdictWording.split(tool.panelShips, tool.panelSkips), tool.tagline, site.reviewPageUrl(tool.slug));
    }

}
