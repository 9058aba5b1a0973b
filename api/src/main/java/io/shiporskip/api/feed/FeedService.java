package io.shiporskip.api.feed;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shiporskip.api.tool.entity.Tool;
import io.shiporskip.api.tool.repository.ToolRepository;
import io.shiporskip.model.VerdictDecision;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The newest verdicts, as both feeds list them. */
@ApplicationScoped
public class FeedService {

    /** Feed readers poll; a bounded page keeps every poll cheap. */
    public static final int SIZE = 50;

    private final ToolRepository tools;

    public FeedService(ToolRepository tools) {
        this.tools = tools;
    }

    @WithSession
    public Uni<List<Tool>> newest() {
        return tools.find("panelDecision <> ?1 order by createdAt desc, id desc", VerdictDecision.NONE)
                .page(0, SIZE).list();
    }
}
