create schema if not exists callbacks;

-- A call back promised to a customer: owned by an agent, or by the team's queue until someone takes it,
-- in a time window promised to the customer; open until done with its outcome.
create table callbacks.callback (
    id           uuid primary key,
    case_id      uuid        not null,
    case_number  bigint      not null,
    case_subject text        not null,
    team_id      uuid,
    owner_id     uuid,
    phone        text,
    email        text,
    window_from  timestamptz not null,
    window_until timestamptz not null check (window_until > window_from),
    source       text        not null,
    note         text,
    state        text        not null check (state in ('open', 'done')),
    -- Calls that found nobody and were planned again; the outcome of the last attempt.
    attempts     int         not null default 0,
    outcome      text check (outcome in ('reached', 'no_answer', 'left_message')),
    outcome_note text,
    created_by   uuid,
    created_at   timestamptz not null,
    done_by      uuid,
    done_at      timestamptz,
    overdue_at   timestamptz,
    -- A caller that may ask twice (a contact that left, an abandoned call) names the occasion once.
    once_key     text unique
);
create index callback_owner on callbacks.callback (owner_id, state, window_until);
create index callback_team on callbacks.callback (team_id, state, window_until);
create index callback_case on callbacks.callback (case_id, created_at);
