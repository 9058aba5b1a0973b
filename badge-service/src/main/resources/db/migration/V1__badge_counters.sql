-- Pre-aggregated badge events: one row per (tool, UTC day, kind, source, placement, referrer host),
-- incremented by the single flush writer with INSERT ... ON CONFLICT DO UPDATE SET n = n + excluded.n.
-- No IPs, user agents or full URLs are kept; referrer_host is '' when the request named none.
CREATE TABLE badges.badge_counter (
    tool_slug     text   NOT NULL,
    day           date   NOT NULL,
    kind          text   NOT NULL CHECK (kind IN ('badge', 'embed', 'click')),
    source        text   NOT NULL CHECK (source IN ('github-camo', 'bot', 'direct')),
    placement     text   NOT NULL,
    referrer_host text   NOT NULL DEFAULT '',
    n             bigint NOT NULL CHECK (n >= 0),
    PRIMARY KEY (tool_slug, day, kind, source, placement, referrer_host)
);

COMMENT ON TABLE badges.badge_counter IS 'Badge impressions and clicks, counted per tool, UTC day, kind, source, placement and referrer host';
