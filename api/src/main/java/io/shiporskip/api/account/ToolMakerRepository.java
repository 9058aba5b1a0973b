package io.shiporskip.api.account;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shiporskip.api.domain.Tool;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ToolMakerRepository implements PanacheRepositoryBase<ToolMaker, Long> {

    public Uni<ToolMaker> find(Account account, Tool tool) {
        return find("account = ?1 and tool = ?2", account, tool).firstResult();
    }
}
