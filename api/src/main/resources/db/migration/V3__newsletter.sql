-- Newsletter subscribers (double opt-in) and the record of every weekly digest sent.
-- Tokens are never stored: only their SHA-256 (hex), so a database leak cannot confirm or unsubscribe anyone.

CREATE TABLE subscriber (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Normalised (trimmed, lower-case) by the api before it gets here.
    email               varchar(254) NOT NULL UNIQUE CHECK (email = lower(email) AND position('@' in email) > 1),
    status              varchar(12)  NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED')),
    -- The pending confirmation; cleared when used so a token works once.
    confirm_token_hash  varchar(64)     UNIQUE,
    confirm_expires_at  timestamptz,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    confirmed_at        timestamptz,
    unsubscribed_at     timestamptz,
    CHECK ((confirm_token_hash IS NULL) = (confirm_expires_at IS NULL))
);

CREATE INDEX subscriber_confirmed_idx ON subscriber (id) WHERE status = 'CONFIRMED';

-- One row per (subscriber, ISO week): written before the mail goes out, so a restart or a second run
-- never sends a week twice. Each digest carries its own unsubscribe token, kept here as a hash.
CREATE TABLE digest_send (
    subscriber_id           bigint      NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    week                    varchar(8)  NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
    unsubscribe_token_hash  varchar(64)    NOT NULL UNIQUE,
    sent_at                 timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subscriber_id, week)
);
