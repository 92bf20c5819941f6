create schema if not exists assist;

-- The frustration score of each customer message, with its reasons. One row per timeline entry:
-- the listener inserts it first, so a redelivered event finds it and does nothing twice.
create table assist.message_score (
    entry_id             uuid primary key,
    case_id              uuid        not null,
    score                integer     not null check (score between 0 and 100),
    level                text        not null check (level in ('calm', 'frustrated', 'heated')),
    supervisor_requested boolean     not null,
    language             text        not null,
    reasons              jsonb       not null,
    scored_at            timestamptz not null,
    message_at           timestamptz not null
);
create index message_score_case on assist.message_score (case_id, message_at);

-- Cases flagged heated: past the heated threshold or a supervisor asked for. Cleared by a
-- supervisor once calm again; a later heated message flags it anew.
create table assist.heated_case (
    case_id              uuid primary key,
    entry_id             uuid        not null,
    score                integer     not null,
    supervisor_requested boolean     not null,
    signals              text[]      not null default '{}',
    heated_at            timestamptz not null,
    cleared_at           timestamptz,
    cleared_by           uuid
);
create index heated_case_open on assist.heated_case (heated_at desc) where cleared_at is null;

-- Alerts to supervisors about heated cases, one per supervisor and message.
create table assist.supervisor_alert (
    id                   uuid primary key,
    supervisor_id        uuid        not null,
    case_id              uuid        not null,
    entry_id             uuid        not null,
    score                integer     not null,
    supervisor_requested boolean     not null,
    signals              text[]      not null default '{}',
    created_at           timestamptz not null,
    acknowledged_at      timestamptz,
    unique (entry_id, supervisor_id)
);
create index supervisor_alert_inbox on assist.supervisor_alert (supervisor_id, created_at desc);

-- Tone checks of sent replies, for coaching. Never shown to the customer.
create table assist.reply_check (
    entry_id      uuid primary key,
    case_id       uuid        not null,
    agent_id      uuid        not null,
    finding_count integer     not null,
    checked_at    timestamptz not null
);
create table assist.reply_finding (
    id          bigint generated always as identity primary key,
    entry_id    uuid        not null references assist.reply_check (entry_id),
    case_id     uuid        not null,
    agent_id    uuid        not null,
    kind        text        not null,
    span_start  integer     not null,
    span_end    integer     not null,
    words       text        not null,
    message     text        not null,
    suggestion  text        not null,
    replacement text,
    created_at  timestamptz not null
);
create index reply_finding_agent on assist.reply_finding (agent_id, created_at desc, id desc);

-- Closings: the next steps told to the customer when the case was solved, and the farewell.
create table assist.closing (
    id            uuid primary key,
    case_id       uuid        not null,
    agent_id      uuid        not null,
    what_happens  text        not null,
    by_when       text        not null,
    how_to_check  text        not null,
    farewell      text        not null,
    message       text        not null,
    entry_id      uuid,
    created_at    timestamptz not null
);
create index closing_case on assist.closing (case_id, created_at desc);
