-- Discards are explained: a discarded row says why it was not counted (client-cap, network-cap, not-navigation,
-- own-page). Counted rows carry ''. The reason joins the key, so each (tool, day, kind) has at most one discarded
-- row per reason.
ALTER TABLE badges.badge_counter ADD COLUMN discard_reason text NOT NULL DEFAULT '';
-- Rows discarded before this version did not record why (a client cap, or a click that was no navigation).
UPDATE badges.badge_counter SET discard_reason = 'unrecorded' WHERE source = 'discarded';
ALTER TABLE badges.badge_counter ADD CONSTRAINT badge_counter_discard_reason_check
    CHECK ((source = 'discarded') = (discard_reason <> ''));
ALTER TABLE badges.badge_counter DROP CONSTRAINT badge_counter_pkey;
ALTER TABLE badges.badge_counter ADD PRIMARY KEY (tool_slug, day, kind, source, placement, referrer_host, discard_reason);
