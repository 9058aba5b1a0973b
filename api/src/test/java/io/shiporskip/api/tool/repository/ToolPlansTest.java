package io.shiporskip.api.tool.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.api.PlansDatabase;
import io.shiporskip.api.category.CategoryResource;
import io.shiporskip.model.VerdictDecision;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plan guard: every route's catalog SQL, as the repository builds it, EXPLAINed at a realistic size (30,000 tools in
 * 25 categories, analysed), where the planner reads the whole table the moment no index fits. A page must be an
 * ordered index walk (no sequential scan of tool, no sort, no bitmap collecting every match); only free-text search
 * may collect its matches first, and never by scanning the table.
 */
@QuarkusTest
@WithTestResource(PlansDatabase.class)
class ToolPlansTest {

    private static final int TOOLS = 30_000;
    private static final Pattern NAMED = Pattern.compile("(?<!:):([a-zA-Z]+)");
    private static final int SLICE = 2_000;
    private static final int COLLECTED_AT_MOST = 100;
    private static boolean seeded;

    @Inject
    Pool db;

    @BeforeEach
    void seedOnce() {
        if (seeded) {
            return;
        }
        // In slices: each statement stays well inside the pool's statement timeout on a busy machine.
        for (int from = 1; from <= TOOLS; from += SLICE) {
        db.preparedQuery("""
                INSERT INTO catalog.tool (slug, name, vendor, tagline, description, category, pricing, entry_price,
                        created_at, panel_decision, panel_ships, panel_skips, panel_ship_percent, panel_mean_score)
                SELECT 'plan-tool-' || i, 'Plan Tool ' || i, 'Vendor ' || (i % 500), 'For plans', 'Tool number ' || i,
                       'Category ' || (i % 25), 'Free', 'Free', now() - i * interval '1 minute', d,
                       CASE d WHEN 'SHIP' THEN 3 WHEN 'SKIP' THEN 1 WHEN 'SPLIT' THEN 2 ELSE 0 END,
                       CASE d WHEN 'SHIP' THEN 1 WHEN 'SKIP' THEN 3 WHEN 'SPLIT' THEN 2 ELSE 0 END,
                       CASE d WHEN 'SHIP' THEN 75 WHEN 'SKIP' THEN 25 WHEN 'SPLIT' THEN 50 END,
                       CASE WHEN d <> 'NONE' THEN (i * 7 % 1000) / 10.0 END
                FROM generate_series($1::int, $2::int) i,
                     LATERAL (SELECT CASE WHEN i % 20 < 11 THEN 'SHIP' WHEN i % 20 < 17 THEN 'SKIP'
                                          WHEN i % 20 < 18 THEN 'SPLIT' ELSE 'NONE' END AS d) decision
                """).execute(Tuple.of(from, Math.min(TOOLS, from + SLICE - 1))).await().indefinitely();
        }
        db.query("ANALYZE catalog.tool").execute().await().indefinitely();
        db.query("ANALYZE catalog.category").execute().await().indefinitely();
        seeded = true;
    }

    @Test
    void everyFilterAndOrderOfTheListWalksAnIndex() {
        List<String> checked = new ArrayList<>();
        for (ToolSort sort : ToolSort.values()) {
            for (String category : Arrays.asList(null, "Category 7", "category 7")) {
                for (VerdictDecision decision : Arrays.asList(null, VerdictDecision.SHIP, VerdictDecision.SPLIT)) {
                    for (ToolCursor after : Arrays.asList(null, midway(sort))) {
                        ToolListQuery query = new ToolListQuery(null, category, decision, sort, 20, after);
                        assertIndexWalk(plan(ToolRepository.pageSql(query)), query.toString());
                        checked.add(query.toString());
                    }
                }
            }
        }
        assertEquals(4 * 3 * 3 * 2, checked.size());
    }

    @Test
    void searchCollectsItsMatchesWithoutScanningTheTable() {
        for (ToolSort sort : ToolSort.values()) {
            for (String category : Arrays.asList(null, "Category 7")) {
                for (VerdictDecision decision : Arrays.asList(null, VerdictDecision.SKIP)) {
                    ToolListQuery query = new ToolListQuery("tool 4", category, decision, sort, 20, null);
                    List<JsonObject> nodes = plan(ToolRepository.pageSql(query));
                    assertFalse(scansToolSequentially(nodes), query + ": sequential scan of tool: " + nodes);
                }
            }
        }
    }

    @Test
    void anUnknownCategoryReadsNoToolPage() {
        ToolListQuery query = new ToolListQuery(null, "No Such Category", VerdictDecision.SHIP, ToolSort.SCORE, 20, null);
        ToolRepository.Sql sql = ToolRepository.pageSql(query);
        List<JsonObject> nodes = nodes(explain("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ", sql));
        List<JsonObject> toolScans = nodes.stream().filter(ToolPlansTest::readsTool).toList();
        assertFalse(toolScans.isEmpty(), "the plan reads tool through an index: " + nodes);
        for (JsonObject scan : toolScans) {
            assertEquals(0, scan.getInteger("Actual Loops"), "an unknown category never runs a scan of tool: " + scan);
        }
    }

    @Test
    void alternativesWalkTwoIndexes() {
        for (String category : List.of("Category 3", "a category of its own")) {
            List<JsonObject> nodes = plan(ToolRepository.alternativesSql(42, category, 5));
            assertIndexWalk(nodes, "alternatives in " + category);
        }
    }

    @Test
    void categoriesDoNotReadTools() {
        List<JsonObject> nodes = plan(new ToolRepository.Sql(CategoryResource.CATEGORIES_SQL, Map.of()));
        assertTrue(nodes.stream().noneMatch(ToolPlansTest::readsTool), "categories read tool: " + nodes);
    }

    @Test
    void categoryCountsFollowEveryWriteToTool() {
        db.query("INSERT INTO catalog.tool (slug, name, vendor, tagline, description, category, pricing, entry_price) "
                + "VALUES ('count-a', 'A', 'V', 'T', 'D', 'Counting', 'Free', 'Free'), "
                + "('count-b', 'B', 'V', 'T', 'D', 'counting', 'Free', 'Free')").execute().await().indefinitely();
        assertEquals(Map.of("Counting", 2L), counts("counting"));
        db.query("UPDATE catalog.tool SET category = 'Moved Here' WHERE slug = 'count-a'").execute().await().indefinitely();
        assertEquals(Map.of("Counting", 1L, "Moved Here", 1L), counts("counting", "moved here"));
        db.query("UPDATE catalog.tool SET name = 'Renamed' WHERE slug = 'count-b'").execute().await().indefinitely();
        db.query("DELETE FROM catalog.tool WHERE slug IN ('count-a', 'count-b')").execute().await().indefinitely();
        assertEquals(Map.of("Counting", 0L, "Moved Here", 0L), counts("counting", "moved here"));
        // And the maintained counts equal a count of the table.
        long differing = db.query("""
                SELECT count(*) FROM catalog.category c FULL JOIN
                    (SELECT lower(category) AS key, count(*) AS n FROM catalog.tool GROUP BY 1) t ON t.key = c.key
                WHERE coalesce(c.tool_count, -1) <> coalesce(t.n, 0)""").execute().await().indefinitely()
                .iterator().next().getLong(0);
        assertEquals(0L, differing);
    }

    private Map<String, Long> counts(String... keys) {
        Map<String, Long> counts = new HashMap<>();
        for (Row row : db.preparedQuery("SELECT name, tool_count FROM catalog.category WHERE key = ANY($1)")
                .execute(Tuple.of(keys)).await().indefinitely()) {
            counts.put(row.getString(0), row.getLong(1));
        }
        return counts;
    }

    private static ToolCursor midway(ToolSort sort) {
        return switch (sort) {
            case NEWEST -> new ToolCursor(sort, OffsetDateTime.now().minusDays(10), 15_000);
            case SCORE -> new ToolCursor(sort, new BigDecimal("50.0"), 15_000);
            case SHIP_PERCENT -> new ToolCursor(sort, 50, 15_000);
            case NAME -> new ToolCursor(sort, "plan tool 5", 15_000);
        };
    }

    /**
     * No sequential scan of tool, and nothing that collects rows of tool before the LIMIT beyond a handful: a sort or a
     * bitmap is fine over the few rows a narrow index condition finds (a rare decision in one category), never over
     * what a filter alone selects (the 240 ms of "bitmap on decision, filter, sort").
     */
    private static void assertIndexWalk(List<JsonObject> nodes, String what) {
        assertFalse(scansToolSequentially(nodes), what + ": sequential scan of tool: " + nodes);
        for (JsonObject node : nodes) {
            String type = node.getString("Node Type");
            boolean collects = type.equals("Sort") || type.equals("Incremental Sort")
                    || (type.startsWith("Bitmap Heap") && readsTool(node));
            assertFalse(collects && node.getDouble("Plan Rows") > COLLECTED_AT_MOST,
                    what + ": collects " + node.getDouble("Plan Rows") + " rows (" + type + "): " + nodes);
        }
    }

    private static boolean scansToolSequentially(List<JsonObject> nodes) {
        return nodes.stream().anyMatch(node -> node.getString("Node Type").equals("Seq Scan") && readsTool(node));
    }

    private static boolean readsTool(JsonObject node) {
        return "tool".equals(node.getString("Relation Name"));
    }

    private List<JsonObject> plan(ToolRepository.Sql sql) {
        return nodes(explain("EXPLAIN (FORMAT JSON) ", sql));
    }

    /** Runs the repository's SQL as the database would get it, with its named parameters as positional ones. */
    private JsonObject explain(String explain, ToolRepository.Sql sql) {
        List<String> names = new ArrayList<>(sql.parameters().keySet());
        Matcher matcher = NAMED.matcher(sql.text());
        StringBuilder positional = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(positional, "\\$" + (names.indexOf(matcher.group(1)) + 1));
        }
        matcher.appendTail(positional);
        Tuple values = Tuple.tuple();
        names.forEach(name -> values.addValue(sql.parameters().get(name)));
        Object json = db.preparedQuery(explain + positional).execute(values).await().indefinitely()
                .iterator().next().getValue(0);
        JsonArray plans = json instanceof JsonArray array ? array : new JsonArray(json.toString());
        return plans.getJsonObject(0).getJsonObject("Plan");
    }

    private static List<JsonObject> nodes(JsonObject plan) {
        List<JsonObject> all = new ArrayList<>();
        all.add(plan);
        JsonArray children = plan.getJsonArray("Plans");
        if (children != null) {
            for (int i = 0; i < children.size(); i++) {
                all.addAll(nodes(children.getJsonObject(i)));
            }
        }
        return all;
    }
}
