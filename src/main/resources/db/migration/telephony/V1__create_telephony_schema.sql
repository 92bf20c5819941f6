create schema if not exists telephony;

-- A phone system that reports calls: the kind of adapter that reads its requests ('signed' for
-- Casekeeper's own signed webhook, 'twilio'), the team whose queue its calls wait in, and its secret,
-- sealed with AES-256-GCM under casekeeper.telephony.secret-key (it must be read back to check
-- signatures, so it cannot be hashed). Without a secret (the demo's line) it accepts no requests.
create table telephony.integration (
    id          uuid primary key,
    name        text        not null,
    kind        text        not null check (kind in ('signed', 'twilio')),
    team_id     uuid        not null,
    secret      text,
    created_at  timestamptz not null,
    created_by  uuid
);
create unique index integration_name on telephony.integration (lower(name));

-- Every event accepted, stored in the transaction that applies it, before it is acknowledged. The
-- primary key makes a replayed event id change nothing.
create table telephony.event (
    integration_id uuid        not null references telephony.integration (id) on delete cascade,
    event_id       text        not null,
    call_id        text        not null,
    type           text        not null check (type in ('ringing', 'answered', 'held', 'resumed', 'transferred', 'ended')),
    occurred_at    timestamptz,
    received_at    timestamptz not null,
    payload        jsonb       not null,
    outcome        text        not null,
    primary key (integration_id, event_id)
);
create index event_call on telephony.event (integration_id, call_id, received_at);

-- One call as the phone system reports it, its case and routing contact, and, once it ended, what
-- the phone system said about it and the agent's wrap-up.
create table telephony.call (
    id              uuid primary key,
    integration_id  uuid        not null references telephony.integration (id) on delete cascade,
    external_id     text        not null,
    from_number     text        not null,
    to_number       text,
    customer_id     uuid        not null,
    case_id         uuid        not null,
    contact_id      uuid        not null,
    state           text        not null check (state in ('ringing', 'answered', 'ended')),
    ringing_at      timestamptz not null,
    answered_at     timestamptz,
    ended_at        timestamptz,
    duration_s      integer,
    hold_s          integer,
    recording_url   text,
    hung_up_by      text,
    disposition     text,
    wrap_up_notes   text,
    wrapped_up_at   timestamptz,
    unique (integration_id, external_id)
);
create index call_case on telephony.call (case_id, ringing_at desc);

-- Per team: past which estimated wait an IVR should offer the caller a callback instead of waiting.
create table telephony.team_settings (
    team_id                uuid primary key,
    offer_callback_after_s integer     not null check (offer_callback_after_s > 0),
    updated_at             timestamptz not null
);
