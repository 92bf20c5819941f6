create schema if not exists webhooks;

-- An admin's subscription: where to send which case events (optionally of one team only), signed
-- with its secret, sealed with AES-256-GCM under casekeeper.webhooks.secret-key (it must be read
-- back to sign, so it cannot be hashed). `failures` counts failed attempts since the last success,
-- `failing_since` is the first of them: failing for casekeeper.webhooks.disable-after disables the
-- subscription, and the admins are told.
create table webhooks.subscription (
    id              uuid primary key,
    name            text        not null,
    url             text        not null,
    secret          text        not null,
    event_types     text[]      not null,
    team_id         uuid,
    enabled         boolean     not null default true,
    failures        integer     not null default 0,
    failing_since   timestamptz,
    disabled_at     timestamptz,
    disabled_reason text,
    created_at      timestamptz not null,
    created_by      uuid
);
create unique index subscription_name on webhooks.subscription (lower(name));

-- The outbox: one row per event and subscription, written in the transaction of the change it
-- reports, so a committed change is never left unreported and a rolled-back one never reported.
-- `body` is the exact JSON sent, so every attempt and every redelivery signs the same bytes.
-- A pending row is due at next_attempt_at; a node that takes it moves next_attempt_at past the
-- attempt's time-out, so another node retries it only if this one died during the attempt.
create table webhooks.delivery (
    id               uuid primary key,
    subscription_id  uuid        not null references webhooks.subscription (id) on delete cascade,
    event_id         uuid        not null,
    event_type       text        not null,
    body             text        not null,
    created_at       timestamptz not null,
    state            text        not null check (state in ('pending', 'delivered', 'failed')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz,
    last_attempt_at  timestamptz,
    last_status      integer,
    last_error       text,
    last_duration_ms integer,
    delivered_at     timestamptz
);
create index delivery_due on webhooks.delivery (next_attempt_at) where state = 'pending';
create index delivery_log on webhooks.delivery (subscription_id, created_at desc, id desc);
create index delivery_purge on webhooks.delivery (created_at) where state <> 'pending';

-- Every attempt of a delivery: when, the answer's status (null when no answer came), how long it
-- took, and the start of the answer or the error, for the delivery log.
create table webhooks.attempt (
    delivery_id  uuid        not null references webhooks.delivery (id) on delete cascade,
    number       integer     not null,
    attempted_at timestamptz not null,
    status       integer,
    duration_ms  integer     not null,
    detail       text,
    primary key (delivery_id, number)
);
