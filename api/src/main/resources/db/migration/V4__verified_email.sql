-- An account proves it owns its e-mail address through a mailed single-use link before maker rights can be
-- granted to that address. The first admin comes from the operator's configuration: its address counts as proved.
ALTER TABLE account ADD COLUMN email_verified_at timestamptz;
UPDATE account SET email_verified_at = created_at WHERE admin;

CREATE TABLE account_verification (
    -- SHA-256 of the token in the mailed link; the token itself is never stored.
    token_hash  char(64)    PRIMARY KEY,
    account_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX account_verification_account_idx ON account_verification (account_id);
