package io.shiporskip.api.tool.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.shiporskip.api.CatalogDatabase;
import io.shiporskip.api.tool.entity.Tool;
import io.shiporskip.model.VerdictDecision;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The keyset-pagination SQL on its own, against the real catalog: walking every order two rows at a time, each
 * page starting after the last row's (key, id), gives exactly the rows of one unpaged query, in its order — ties
 * (unreviewed tools share the key -1) broken by id, none skipped, none repeated.
 */
@QuarkusTest
@WithTestResource(CatalogDatabase.class)
class ToolRepositoryTest {

    @Inject
    ToolRepository tools;

    @Test
    @RunOnVertxContext
    void everyOrderWalksToTheEndWithoutGapsOrRepeats(UniAsserter asserter) {
        for (ToolSort sort : ToolSort.values()) {
            asserter.assertThat(() -> Panache.withSession(() -> walk(sort, null, 2, new ArrayList<>())
                    .chain(walked -> tools.page(query(sort, null, 1000, null)).map(all -> new Walk(walked, ids(all))))),
                    walk -> {
                        List<Long> walked = walk.walked();
                        List<Long> all = walk.all();
                        assertTrue(all.size() >= 6, sort + ": the demo catalog has at least six tools");
                        assertEquals(all, walked, sort + ": paged walk differs from the unpaged order");
                        assertEquals(walked.size(), new HashSet<>(walked).size(), sort + ": a tool came twice");
                    });
        }
    }

    @Test
    @RunOnVertxContext
    void filtersNarrowTheSameWalk(UniAsserter asserter) {
        asserter.assertThat(() -> Panache.withSession(() -> tools.page(query(ToolSort.NAME, VerdictDecision.SHIP, 1000, null))),
                ship -> {
                    assertTrue(ship.stream().allMatch(tool -> tool.panelDecision == VerdictDecision.SHIP),
                            "only SHIP tools");
                    List<String> names = ship.stream().map(tool -> tool.name.toLowerCase(java.util.Locale.ROOT)).toList();
                    assertEquals(names.stream().sorted().toList(), names, "by name, case-insensitive");
                });
        // The repository fetches one row more than the page, so the service knows whether a next page exists.
        asserter.assertThat(() -> Panache.withSession(() -> tools.page(query(ToolSort.NEWEST, null, 2, null))),
                page -> assertEquals(3, page.size()));
    }

    record Walk(List<Long> walked, List<Long> all) {
    }

    /** Pages of {@code size}, each after the previous page's last row, until a page has no extra row. */
    private Uni<List<Long>> walk(ToolSort sort, ToolCursor after, int size, List<Long> seen) {
        return tools.page(query(sort, null, size, after)).chain(rows -> {
            List<Tool> page = rows.subList(0, Math.min(size, rows.size()));
            seen.addAll(ids(page));
            if (rows.size() <= size) {
                return Uni.createFrom().item(seen);
            }
            Tool last = page.get(page.size() - 1);
            return walk(sort, new ToolCursor(sort, ToolRepository.sortKeyOf(last, sort), last.id), size, seen);
        });
    }

    private static ToolListQuery query(ToolSort sort, VerdictDecision decision, int limit, ToolCursor after) {
        return new ToolListQuery(null, null, decision, sort, limit, after);
    }

    private static List<Long> ids(List<Tool> tools) {
        return tools.stream().map(tool -> tool.id).toList();
    }
}
