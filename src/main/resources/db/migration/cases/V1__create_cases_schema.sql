create schema if not exists cases;

-- Case numbers are what people say on the phone: short, sequential, never reused.
create sequence cases.case_number start with 1001;

create table cases.support_case (
    id                uuid primary key,
    tenant_id         integer     not null default 1,
    number            bigint      not null unique default nextval('cases.case_number'),
    subject           text        not null,
    requester_id      uuid        not null,
    channel           text        not null,
    status            text        not null,
    priority          text        not null,
    tags              text[]      not null default '{}',
    team_id           uuid,
    owner_id          uuid,
    follow_up_of      uuid references cases.support_case (id),
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    first_response_at timestamptz,
    solved_at         timestamptz,
    closed_at         timestamptz,
    version           integer     not null default 0
);
create index case_created on cases.support_case (created_at desc, id desc);
create index case_status on cases.support_case (status, created_at desc);
create index case_owner on cases.support_case (owner_id, created_at desc);
create index case_team on cases.support_case (team_id, created_at desc);
create index case_requester on cases.support_case (requester_id, created_at desc);
create index case_tags on cases.support_case using gin (tags);
create index case_subject_trgm on cases.support_case using gin (subject gin_trgm_ops);

-- The timeline: messages in and out, notes and events, in the order they happened. Immutable.
create table cases.timeline_entry (
    position    bigint generated always as identity primary key,
    id          uuid        not null unique,
    case_id     uuid        not null references cases.support_case (id),
    kind        text        not null check (kind in ('message_in', 'message_out', 'note', 'event')),
    author_kind text        not null check (author_kind in ('customer', 'agent', 'system')),
    author_id   uuid,
    body_text   text,
    body_html   text,
    event_type  text,
    data        jsonb,
    created_at  timestamptz not null
);
create index timeline_case on cases.timeline_entry (case_id, position);
create trigger timeline_append_only before update or delete on cases.timeline_entry
    for each row execute function public.refuse_change_to_append_only();

-- Every change to a case: who, when, before and after. Append-only.
create table cases.history (
    id         bigint generated always as identity primary key,
    case_id    uuid        not null references cases.support_case (id),
    actor_kind text        not null,
    actor_id   uuid,
    field      text        not null,
    before     text,
    after      text,
    at         timestamptz not null
);
create index history_case on cases.history (case_id, id);
create trigger history_append_only before update or delete on cases.history
    for each row execute function public.refuse_change_to_append_only();

-- Idempotency-Key of creating calls: a repeat returns the first result and creates nothing.
create table cases.idempotency_key (
    agent_id     uuid        not null,
    key          text        not null,
    request_hash text        not null,
    case_id      uuid,
    created_at   timestamptz not null,
    primary key (agent_id, key)
);
