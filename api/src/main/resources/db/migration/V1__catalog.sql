-- Catalog of tools, the critics' panel and their reviews.

CREATE TABLE critic (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        varchar(100) NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        varchar(60)  NOT NULL,
    lens        varchar(300) NOT NULL,
    position    integer      NOT NULL
);

CREATE TABLE tool (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug                varchar(100) NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name                varchar(120) NOT NULL,
    vendor              varchar(120) NOT NULL,
    tagline             varchar(200) NOT NULL,
    description         text         NOT NULL CHECK (length(description) <= 5000),
    category            varchar(60)  NOT NULL,
    pricing             varchar(300) NOT NULL,
    entry_price         varchar(40)  NOT NULL,
    license             varchar(80),
    website             varchar(300),
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    -- The panel verdict, derived from the reviews by the shared PanelRule whenever a review changes,
    -- kept here so lists can filter and sort on it with an index.
    panel_decision      varchar(5)   NOT NULL DEFAULT 'NONE' CHECK (panel_decision IN ('SHIP', 'SKIP', 'SPLIT', 'NONE')),
    panel_ships         integer      NOT NULL DEFAULT 0 CHECK (panel_ships >= 0),
    panel_skips         integer      NOT NULL DEFAULT 0 CHECK (panel_skips >= 0),
    panel_ship_percent  integer      CHECK (panel_ship_percent BETWEEN 0 AND 100),
    panel_mean_score    numeric(4,1) CHECK (panel_mean_score BETWEEN 0 AND 100),
    community_ships     integer      NOT NULL DEFAULT 0 CHECK (community_ships >= 0),
    community_skips     integer      NOT NULL DEFAULT 0 CHECK (community_skips >= 0),
    -- Bumped on every change a verdict or badge shows; badge-service keys its caches on it.
    verdict_version     bigint       NOT NULL DEFAULT 1,
    search              tsvector GENERATED ALWAYS AS (
                            setweight(to_tsvector('english', name), 'A')
                         || setweight(to_tsvector('english', vendor), 'B')
                         || setweight(to_tsvector('english', category), 'B')
                         || setweight(to_tsvector('english', tagline), 'C')
                         || setweight(to_tsvector('english', description), 'D')) STORED
);

CREATE INDEX tool_search_idx ON tool USING gin (search);
-- One index per list order (keyset pagination walks them), with id as the tie-breaker.
CREATE INDEX tool_newest_idx ON tool (created_at DESC, id DESC);
CREATE INDEX tool_score_idx ON tool ((coalesce(panel_mean_score, -1)) DESC, id DESC);
CREATE INDEX tool_ship_percent_idx ON tool ((coalesce(panel_ship_percent, -1)) DESC, id DESC);
CREATE INDEX tool_name_idx ON tool (lower(name), id);
CREATE INDEX tool_category_idx ON tool (category);
CREATE INDEX tool_decision_idx ON tool (panel_decision);

CREATE TABLE review (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tool_id      bigint       NOT NULL REFERENCES tool (id) ON DELETE CASCADE,
    critic_id    bigint       NOT NULL REFERENCES critic (id) ON DELETE RESTRICT,
    score        integer      NOT NULL CHECK (score BETWEEN 0 AND 100),
    decision     varchar(4)   NOT NULL CHECK (decision IN ('SHIP', 'SKIP')),
    body         text         NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    published_at timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT review_one_per_critic UNIQUE (tool_id, critic_id)
);

CREATE INDEX review_critic_idx ON review (critic_id);
