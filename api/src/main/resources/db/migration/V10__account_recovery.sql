-- Accounts people keep (issue 21): the owner of an address wins it, passwords can be reset and changed, earlier tokens
-- end, and a known device is not locked out by strangers' guesses.

-- Access tokens whose iat is earlier are refused (a reset, a change, an address taken back). Always a whole second:
-- iat has second granularity, so the instant of the revocation is rounded up and new tokens are issued at or after it.
ALTER TABLE account ADD COLUMN tokens_valid_after timestamptz
    CHECK (tokens_valid_after = date_trunc('second', tokens_valid_after));

-- Single-use, expiring links mailed to an account's address: RESET sets a password chosen on the page; CLAIM gives an
-- address held by an unproved account to whoever reads its mail, with the password (bcrypt hash, never the password)
-- and display name given at the later sign-up. Only the SHA-256 of the token is stored.
CREATE TABLE account_link (
    token_hash     char(64)     PRIMARY KEY,
    account_id     bigint       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    purpose        varchar(5)   NOT NULL CHECK (purpose IN ('RESET', 'CLAIM')),
    password_hash  varchar(100) CHECK ((purpose = 'CLAIM') = (password_hash IS NOT NULL)),
    display_name   varchar(80),
    created_at     timestamptz  NOT NULL,
    expires_at     timestamptz  NOT NULL,
    used_at        timestamptz
);
CREATE INDEX account_link_account_idx ON account_link (account_id);

-- OWASP device cookies: a browser or app that signed in successfully to this account; its failed sign-ins are
-- counted per device, never against the account-wide ceiling. Only the SHA-256 of the token is stored.
CREATE TABLE device_token (
    token_hash  char(64)    PRIMARY KEY,
    account_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX device_token_account_idx ON device_token (account_id);
