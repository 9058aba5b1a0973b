-- Events that were served but not counted (over a client's per-minute cap, or a click that was no top-level
-- navigation) are kept as source 'discarded', so makers see how much was left out. Their rows carry no placement
-- ('unspecified') and no referrer (''), so a flood never adds rows beyond one per (tool, day, kind).
ALTER TABLE badges.badge_counter DROP CONSTRAINT badge_counter_source_check;
ALTER TABLE badges.badge_counter ADD CONSTRAINT badge_counter_source_check
    CHECK (source IN ('github-camo', 'bot', 'direct', 'discarded'));
