-- Accounts (readers, editors), makers' ownership of tools, readers' votes and bookmarks.

CREATE TABLE account (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Stored normalised (trimmed, lower-case) so uniqueness is case-insensitive.
    email          varchar(254) NOT NULL UNIQUE CHECK (email = lower(btrim(email)) AND position('@' IN email) > 1),
    display_name   varchar(80)  NOT NULL CHECK (length(btrim(display_name)) > 0),
    password_hash  varchar(100) NOT NULL,
    admin          boolean      NOT NULL DEFAULT false,
    created_at     timestamptz  NOT NULL DEFAULT now()
);

-- A maker owns tools; the slugs go into their JWT so badge-service can authorise statistics.
CREATE TABLE tool_maker (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    tool_id     bigint      NOT NULL REFERENCES tool (id) ON DELETE CASCADE,
    granted_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tool_maker_once UNIQUE (account_id, tool_id)
);
CREATE INDEX tool_maker_tool_idx ON tool_maker (tool_id);

-- One community vote per (reader, tool); tool.community_ships/skips are recounted from here in the same
-- transaction that changes a vote.
CREATE TABLE vote (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    tool_id     bigint      NOT NULL REFERENCES tool (id) ON DELETE CASCADE,
    decision    varchar(4)  NOT NULL CHECK (decision IN ('SHIP', 'SKIP')),
    voted_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT vote_once UNIQUE (account_id, tool_id)
);
CREATE INDEX vote_tool_idx ON vote (tool_id, decision);

-- Newest first is id order (identity values only grow), so the list pages on (account_id, id DESC).
CREATE TABLE bookmark (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    tool_id     bigint      NOT NULL REFERENCES tool (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT bookmark_once UNIQUE (account_id, tool_id)
);
CREATE INDEX bookmark_newest_idx ON bookmark (account_id, id DESC);
