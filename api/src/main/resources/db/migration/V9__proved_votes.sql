-- Community counts come only from accounts whose e-mail address is proved (issue 20): twelve throw-away sign-ups
-- must not be able to turn a tool's community line.
--
-- Existing data: every vote cast by an account that has not proved its address is DELETED (not held: such an
-- account can vote again once it has proved it), and the community counts of the tools those votes were on are
-- recomputed from the vote rows that remain. Their verdict_version moves, so cached reads and ETags change, and a
-- NOTIFY on verdict_changed per tool tells badge-service and the api copies already running.
--
-- From now on set_vote refuses an unproved account before it touches anything: proved = false, nothing written, and
-- api answers 403 naming the reason. The check is part of the same call, so a vote still costs one round trip. A
-- proof is never taken back (email_verified_at is only ever set), so reading the flag without a lock cannot let an
-- unproved vote in.

-- One statement: the recount reads the snapshot from before the DELETE (as every part of a statement does), so it
-- counts only proved accounts' votes itself.
WITH removed AS (
    DELETE FROM vote v USING account a
        WHERE a.id = v.account_id AND a.email_verified_at IS NULL
        RETURNING v.tool_id
), recounted AS (
    UPDATE tool t SET
            community_ships = (SELECT count(*) FROM vote v JOIN account a ON a.id = v.account_id
                               WHERE v.tool_id = t.id AND v.decision = 'SHIP' AND a.email_verified_at IS NOT NULL),
            community_skips = (SELECT count(*) FROM vote v JOIN account a ON a.id = v.account_id
                               WHERE v.tool_id = t.id AND v.decision = 'SKIP' AND a.email_verified_at IS NOT NULL),
            verdict_version = t.verdict_version + 1,
            updated_at = now()
        WHERE t.id IN (SELECT tool_id FROM removed)
        RETURNING t.slug
)
SELECT pg_notify('verdict_changed', slug) FROM recounted;

-- The answer gains its first column, proved; the other columns are V8's.
DROP FUNCTION set_vote(bigint, text, text);

CREATE FUNCTION set_vote(p_account bigint, p_slug text, p_decision text)
    RETURNS TABLE (proved boolean, found boolean, changed boolean, ships integer, skips integer, tool_name text)
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_tool     bigint;
    v_name     text;
    v_previous text;
BEGIN
    -- Checked first, before the tool's row is locked: a refused vote waits on nothing and writes nothing.
    IF NOT EXISTS (SELECT 1 FROM catalog.account a WHERE a.id = p_account AND a.email_verified_at IS NOT NULL) THEN
        RETURN QUERY SELECT false, false, false, 0, 0, NULL::text;
        RETURN;
    END IF;
    SELECT t.id, t.name INTO v_tool, v_name FROM catalog.tool t WHERE t.slug = p_slug FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT true, false, false, 0, 0, NULL::text;
        RETURN;
    END IF;
    SELECT v.decision INTO v_previous FROM catalog.vote v WHERE v.account_id = p_account AND v.tool_id = v_tool;
    IF v_previous IS NOT DISTINCT FROM p_decision THEN
        RETURN QUERY SELECT true, true, false, t.community_ships, t.community_skips, v_name
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
        RETURNING true, true, true, t.community_ships, t.community_skips, v_name;
END
$$;
