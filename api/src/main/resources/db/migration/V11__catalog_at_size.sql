-- Catalog queries whose cost does not grow with the catalog (docs/SCALING.md, "Catalog size"), and a digest whose
-- sends survive a crash.

-- Categories get a canonical key (the lower-cased name) and a table of their own with a maintained tool count, so
-- GET /api/categories reads 25 rows instead of counting 100,000 tools, and an unknown category is answered from this
-- table without touching tool. The first spelling seen is the one shown.
CREATE TABLE category (
    key         varchar(60) PRIMARY KEY CHECK (key = lower(key)),
    name        varchar(60) NOT NULL,
    tool_count  integer     NOT NULL DEFAULT 0 CHECK (tool_count >= 0)
);

INSERT INTO category (key, name, tool_count)
    SELECT lower(category), min(category), count(*) FROM tool GROUP BY lower(category);

-- A trigger rather than the api: every way a tool row changes (editorial writes, imports with COPY, a fix by hand)
-- keeps the counts true. One UPDATE per statement locks the affected category rows in index order, so two moves
-- between the same categories in opposite directions cannot deadlock.
CREATE FUNCTION count_tool_category() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO catalog.category AS c (key, name, tool_count) VALUES (lower(NEW.category), NEW.category, 1)
            ON CONFLICT (key) DO UPDATE SET tool_count = c.tool_count + 1;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE catalog.category c SET tool_count = c.tool_count - 1 WHERE c.key = lower(OLD.category);
    ELSIF lower(OLD.category) <> lower(NEW.category) THEN
        INSERT INTO catalog.category (key, name, tool_count) VALUES (lower(NEW.category), NEW.category, 0)
            ON CONFLICT (key) DO NOTHING;
        UPDATE catalog.category c
            SET tool_count = c.tool_count + CASE WHEN c.key = lower(NEW.category) THEN 1 ELSE -1 END
            WHERE c.key IN (lower(OLD.category), lower(NEW.category));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER tool_category_count AFTER INSERT OR DELETE OR UPDATE OF category ON tool
    FOR EACH ROW EXECUTE FUNCTION count_tool_category();

-- One index per (filter, order) of GET /api/tools, each ending in the order's (key, id), so a page is an index walk of
-- limit + 1 rows whatever the filters select (the keyset cursor is a row comparison on the last two columns). The
-- single-column category and decision indexes were never chosen for a sorted page and go.
-- Free-text search (q) goes through the GIN index; its cost follows the number of matches, not the catalog.
DROP INDEX tool_category_idx;
DROP INDEX tool_decision_idx;

CREATE INDEX tool_category_newest_idx ON tool (lower(category), created_at DESC, id DESC);
CREATE INDEX tool_category_score_idx ON tool (lower(category), (coalesce(panel_mean_score, -1)) DESC, id DESC);
CREATE INDEX tool_category_ship_percent_idx ON tool (lower(category), (coalesce(panel_ship_percent, -1)) DESC, id DESC);
CREATE INDEX tool_category_name_idx ON tool (lower(category), lower(name), id);

CREATE INDEX tool_decision_newest_idx ON tool (panel_decision, created_at DESC, id DESC);
CREATE INDEX tool_decision_score_idx ON tool (panel_decision, (coalesce(panel_mean_score, -1)) DESC, id DESC);
CREATE INDEX tool_decision_ship_percent_idx ON tool (panel_decision, (coalesce(panel_ship_percent, -1)) DESC, id DESC);
CREATE INDEX tool_decision_name_idx ON tool (panel_decision, lower(name), id);

CREATE INDEX tool_category_decision_newest_idx ON tool (lower(category), panel_decision, created_at DESC, id DESC);
CREATE INDEX tool_category_decision_score_idx
    ON tool (lower(category), panel_decision, (coalesce(panel_mean_score, -1)) DESC, id DESC);
CREATE INDEX tool_category_decision_ship_percent_idx
    ON tool (lower(category), panel_decision, (coalesce(panel_ship_percent, -1)) DESC, id DESC);
CREATE INDEX tool_category_decision_name_idx ON tool (lower(category), panel_decision, lower(name), id);
-- The weekly digest: the digest of a week lists the tools created in it (tool_newest_idx serves the range).
--
-- Send state per (subscriber, week). A row is claimed (mailed_at NULL) in a committed transaction before its batch is
-- mailed and marked mailed (mailed_at set) once the batch has gone out. A run after a crash mails every claimed row
-- whose claim is older than the lease, so nobody is skipped; a mail that left just before the crash goes out again,
-- at most the one batch in flight. At-least-once, de-duplicated by (week, subscriber): a second copy of a digest
-- now and then is better than a subscriber who silently gets nothing (docs/SCALING.md).
-- The week comes first in the key: every digest query asks "who has had week W".
ALTER TABLE digest_send ADD COLUMN claimed_at timestamptz;
ALTER TABLE digest_send ADD COLUMN mailed_at timestamptz;
UPDATE digest_send SET claimed_at = sent_at, mailed_at = sent_at;
ALTER TABLE digest_send ALTER COLUMN claimed_at SET NOT NULL;
ALTER TABLE digest_send DROP COLUMN sent_at;
ALTER TABLE digest_send DROP CONSTRAINT digest_send_pkey;
ALTER TABLE digest_send ADD PRIMARY KEY (week, subscriber_id);
-- Deleting a subscriber cascades here.
CREATE INDEX digest_send_subscriber_idx ON digest_send (subscriber_id);

-- Every mail carries its own unsubscribe token; a digest mailed twice carries two, and both must work.
CREATE TABLE digest_unsubscribe (
    token_hash     varchar(64) PRIMARY KEY,
    subscriber_id  bigint      NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    week           varchar(8)  NOT NULL
);
CREATE INDEX digest_unsubscribe_subscriber_idx ON digest_unsubscribe (subscriber_id);
INSERT INTO digest_unsubscribe (token_hash, subscriber_id, week)
    SELECT unsubscribe_token_hash, subscriber_id, week FROM digest_send;
ALTER TABLE digest_send DROP COLUMN unsubscribe_token_hash;
