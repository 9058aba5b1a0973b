package io.shiporskip.api.tool.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shiporskip.api.tool.entity.Tool;
import io.shiporskip.api.platform.ApiProblem;
import jakarta.persistence.LockModeType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@ApplicationScoped
public class ToolRepository implements PanacheRepositoryBase<Tool, Long> {

    /** Every mapped column, and not the generated search vector, which the entity does not map. */
    private static final String COLUMNS = "t.id, t.slug, t.name, t.vendor, t.tagline, t.description, t.category, "
            + "t.pricing, t.entry_price, t.license, t.website, t.created_at, t.updated_at, t.panel_decision, "
            + "t.panel_ships, t.panel_skips, t.panel_ship_percent, t.panel_mean_score, t.community_ships, "
            + "t.community_skips, t.verdict_version";
    private static final Pattern SEARCH_TERM = Pattern.compile("[\\p{L}\\p{N}]+(?:\\.[\\p{L}\\p{N}]+)*");

    public Uni<Tool> findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }

    /** The tool, or a 404 problem naming the slug. */
    public Uni<Tool> requireBySlug(String slug) {
        return findBySlug(slug).onItem().ifNull().failWith(() -> noTool(slug));
    }

    /**
     * The tool with its row locked until the transaction ends (404 when there is none): writes that change what
     * its verdict shows serialise here, so counts and the verdict version never interleave.
     */
    public Uni<Tool> lockBySlug(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> noTool(slug));
    }

    public static ApiProblem noTool(String slug) {
        return ApiProblem.notFound("No tool with slug '" + slug + "'");
    }

    public Uni<List<Tool>> findBySlugs(List<String> slugs) {
        return list("slug in ?1", slugs);
    }

    /** SQL with named parameters, in the order they appear; what {@link #page} runs, and what the plan test explains. */
    public record Sql(String text, Map<String, Object> parameters) {
    }

    /**
     * One page, keyset-paginated: {@code limit + 1} rows are read so the caller can tell whether a next page
     * exists. Every order is (key, id) in one direction, so "after the cursor" is a single row comparison.
     */
    public Uni<List<Tool>> page(ToolListQuery query) {
        Sql sql = pageSql(query);
        if (sql == null) {
            // Only punctuation was searched for: nothing can match it.
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> {
            var nativeQuery = session.createNativeQuery(sql.text(), Tool.class);
            sql.parameters().forEach(nativeQuery::setParameter);
            return nativeQuery.getResultList();
        });
    }

    /**
     * The page's SQL, or null when the search text has no term. Each (filter, order) combination walks an index that
     * ends in the order's (key, id) (V11__catalog_at_size.sql); ToolPlansTest fails when one does not.
     */
    public static Sql pageSql(ToolListQuery query) {
        String key = sortKey(query.sort());
        boolean ascending = query.sort() == ToolSort.NAME;
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM catalog.tool t WHERE true");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.text() != null) {
            String tsQuery = prefixQuery(query.text());
            if (tsQuery == null) {
                return null;
            }
            sql.append(" AND t.search @@ to_tsquery('english', :tsQuery)");
            parameters.put("tsQuery", tsQuery);
        }
        if (query.category() != null) {
            // The EXISTS is uncorrelated, so it runs once before tool is read: an unknown category never touches tool.
            sql.append(" AND EXISTS (SELECT 1 FROM catalog.category c WHERE c.key = lower(:category))"
                    + " AND lower(t.category) = lower(:category)");
            parameters.put("category", query.category());
        }
        if (query.decision() != null) {
            sql.append(" AND t.panel_decision = :decision");
            parameters.put("decision", query.decision().name());
        }
        if (query.after() != null) {
            sql.append(" AND (").append(key).append(", t.id) ").append(ascending ? ">" : "<")
                    .append(" (:afterKey, :afterId)");
            parameters.put("afterKey", query.after().key());
            parameters.put("afterId", query.after().id());
        }
        String direction = ascending ? " ASC" : " DESC";
        sql.append(" ORDER BY ").append(key).append(direction).append(", t.id").append(direction)
                .append(" LIMIT ").append(query.limit() + 1);
        return new Sql(sql.toString(), parameters);
    }

    /** The value a cursor records for a tool under a sort; mirrors {@link #sortKey}. */
    public static Object sortKeyOf(Tool tool, ToolSort sort) {
        return switch (sort) {
            case NEWEST -> tool.createdAt;
            case SCORE -> tool.panelMeanScore == null ? java.math.BigDecimal.valueOf(-1) : tool.panelMeanScore;
            case SHIP_PERCENT -> tool.panelShipPercent == null ? -1 : tool.panelShipPercent;
            case NAME -> tool.name.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String sortKey(ToolSort sort) {
        return switch (sort) {
            case NEWEST -> "t.created_at";
            case SCORE -> "coalesce(t.panel_mean_score, -1)";
            case SHIP_PERCENT -> "coalesce(t.panel_ship_percent, -1)";
            case NAME -> "lower(t.name)";
        };
    }

    /**
     * Free text becomes an AND of prefix terms ("smol vlm" → "smol:* & vlm:*"), built only from letters, digits and inner dots
     * ("llama.cpp", "2.5") so no input can break the tsquery syntax.
     */
    static String prefixQuery(String text) {
        List<String> terms = new ArrayList<>();
        Matcher matcher = SEARCH_TERM.matcher(text);
        while (matcher.find() && terms.size() < 16) {
            terms.add(matcher.group() + ":*");
        }
        return terms.isEmpty() ? null : String.join(" & ", terms);
    }


    /**
     * Other tools, same category first, then the panel's favourites: two walks of the category-by-score and the
     * by-score indexes, each stopping after {@code limit} rows, the second only run when the first falls short (an
     * Append under a LIMIT stops pulling rows once it has enough).
     */
    public Uni<List<Tool>> alternativesTo(Tool tool, int limit) {
        Sql sql = alternativesSql(tool.id, tool.category, limit);
        return Panache.getSession().chain(session -> {
            var nativeQuery = session.createNativeQuery(sql.text(), Tool.class);
            sql.parameters().forEach(nativeQuery::setParameter);
            return nativeQuery.getResultList();
        });
    }

    public static Sql alternativesSql(long toolId, String category, int limit) {
        String byScore = " ORDER BY coalesce(t.panel_mean_score, -1) DESC, t.id DESC LIMIT " + limit + ")";
        String sql = "(SELECT " + COLUMNS + " FROM catalog.tool t WHERE lower(t.category) = lower(:category) AND t.id <> :id"
                + byScore + " UNION ALL (SELECT " + COLUMNS
                + " FROM catalog.tool t WHERE lower(t.category) <> lower(:category)" + byScore + " LIMIT " + limit;
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("category", category);
        parameters.put("id", toolId);
        return new Sql(sql, parameters);
    }
}
