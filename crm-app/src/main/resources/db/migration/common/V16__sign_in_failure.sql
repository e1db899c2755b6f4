-- Failed sign-ins per (username as typed, client address), shared by every instance, so the
-- throttle holds behind a load balancer and survives a restart. A pair that keeps failing waits
-- longer before its next attempt (next_allowed_at); the failures of all pairs of one address add
-- up against its own ceiling. Rows nobody repeated for an hour are pruned.
-- Written by user.application.SignInThrottle only.
CREATE TABLE sign_in_failure (
    username         VARCHAR(64)  NOT NULL,
    address          VARCHAR(64)  NOT NULL,
    failures         INTEGER      NOT NULL,
    last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    next_allowed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sign_in_failure PRIMARY KEY (username, address),
    CONSTRAINT ck_sign_in_failure_failures CHECK (failures > 0)
);

-- the per-address ceiling sums an address's recent rows; the prune deletes by age
CREATE INDEX ix_sign_in_failure_address ON sign_in_failure (address, last_failure_at);
CREATE INDEX ix_sign_in_failure_last ON sign_in_failure (last_failure_at);
