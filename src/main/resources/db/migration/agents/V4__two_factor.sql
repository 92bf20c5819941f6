-- Two-factor sign-in with a time-based one-time code (RFC 6238). The secret is sealed with
-- AES-256-GCM under casekeeper.agents.two-factor.secret-key when that is set (a code must be
-- computed from it, so it cannot be hashed). enrolled_at is null while an enrolment waits for its
-- first code. last_step is the newest 30-second step a code was accepted for: a code of that step
-- or an older one is refused, so an overheard code cannot be used again. failed_codes counts wrong
-- codes since failing_since; too many within the lock-out refuse every code until it has passed.
create table agents.two_factor (
    agent_id      uuid primary key references agents.agent (id),
    secret        text        not null,
    enrolled_at   timestamptz,
    last_step     bigint      not null default 0,
    failed_codes  integer     not null default 0,
    failing_since timestamptz
);

-- Ten single-use recovery codes per enrolment, kept as SHA-256 digests only.
create table agents.recovery_code (
    agent_id uuid        not null references agents.agent (id),
    digest   text        not null,
    used_at  timestamptz,
    primary key (agent_id, digest)
);

-- The roles whose agents must sign in with a second factor (set by admins).
create table agents.two_factor_role (
    role text primary key check (role in ('agent', 'supervisor', 'admin'))
);
