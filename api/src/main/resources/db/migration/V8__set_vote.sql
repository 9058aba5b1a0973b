-- A vote, a changed vote and a withdrawal are each one call of set_vote: one round trip whose statements PostgreSQL
-- plans once per connection. (Sent as SQL text they were parsed and planned on every vote: about 0.8 ms of server CPU
-- a vote, against 0.3 ms as a call, measured with pgbench on the vote benchmark's database; docs/BENCHMARKS.md.)
--
-- It locks the tool's row first (FOR NO KEY UPDATE), the vote row second, as every vote and editorial write does, so
-- two of them cannot deadlock. It is VOLATILE: in READ COMMITTED each statement after the lock takes a new snapshot,
-- so the previous vote read after the lock is granted includes every vote committed before it, and the counts move by
-- exactly this call's delta (docs/CONSISTENCY.md has the SQL that checks them).
--
-- p_decision: 'SHIP' or 'SKIP', or NULL to withdraw the vote. Answer: found (false: no tool has the slug), changed
-- (false: the vote was already so, or there was none to withdraw), the tool's ships and skips after it, and the
-- tool's name.

CREATE FUNCTION set_vote(p_account bigint, p_slug text, p_decision text)
    RETURNS TABLE (found boolean, changed boolean, ships integer, skips integer, tool_name text)
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_tool     bigint;
    v_name     text;
    v_previous text;
BEGIN
    SELECT t.id, t.name INTO v_tool, v_name FROM catalog.tool t WHERE t.slug = p_slug FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT false, false, 0, 0, NULL::text;
        RETURN;
    END IF;
    SELECT v.decision INTO v_previous FROM catalog.vote v WHERE v.account_id = p_account AND v.tool_id = v_tool;
    IF v_previous IS NOT DISTINCT FROM p_decision THEN
        RETURN QUERY SELECT true, false, t.community_ships, t.community_skips, v_name
            FROM catalog.tool t WHERE t.id = v_tool;
        RETURN;
    END IF;
    IF p_decision IS NULL THEN
        DELETE FROM catalog.vote v WHERE v.account_id = p_account AND v.tool_id = v_tool;
    ELSE
        INSERT INTO catalog.vote (account_id, tool_id, decision, voted_at) VALUES (p_account, v_tool, p_decision, now())
            ON CONFLICT (account_id, tool_id) DO UPDATE SET decision = EXCLUDED.decision, voted_at = EXCLUDED.voted_at;
    END IF;
    RETURN QUERY UPDATE catalog.tool t SET
            community_ships = t.community_ships + (p_decision IS NOT DISTINCT FROM 'SHIP')::int
                                                - (v_previous IS NOT DISTINCT FROM 'SHIP')::int,
            community_skips = t.community_skips + (p_decision IS NOT DISTINCT FROM 'SKIP')::int
                                                - (v_previous IS NOT DISTINCT FROM 'SKIP')::int,
            verdict_version = t.verdict_version + 1,
            updated_at = now()
        WHERE t.id = v_tool
        RETURNING true, true, t.community_ships, t.community_skips, v_name;
END
$$;
