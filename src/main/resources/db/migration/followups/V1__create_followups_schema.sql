create schema if not exists followups;

-- Promises made to customers and check-ins after solving: dated tasks owned by the case's owner.
create table followups.followup (
    id           uuid primary key,
    case_id      uuid        not null,
    case_number  bigint      not null,
    case_subject text        not null,
    kind         text        not null check (kind in ('promise', 'checkin')),
    owner_id     uuid,
    text         text        not null,
    due_at       timestamptz not null,
    state        text        not null check (state in ('open', 'kept', 'withdrawn')),
    -- The note of a kept follow-up, or the reason it was withdrawn.
    outcome      text,
    created_by   uuid,
    created_at   timestamptz not null,
    closed_by    uuid,
    closed_at    timestamptz,
    overdue_at   timestamptz,
    -- A check-in is created once per solving of its case, whichever node's timer fires.
    once_key     text unique
);
create index followup_owner on followups.followup (owner_id, state, due_at, id);
create index followup_case on followups.followup (case_id, created_at);

-- A customer who wrote again soon after their problem was solved: on a new case or the reopened one.
create table followups.repeat_contact (
    case_id          uuid        not null,
    earlier_case_id  uuid        not null,
    earlier_number   bigint      not null,
    earlier_solved_at timestamptz not null,
    customer_id      uuid        not null,
    -- Who had solved it, and their team: repeat contacts are counted against them.
    agent_id         uuid,
    team_id          uuid,
    detected_at      timestamptz not null,
    primary key (case_id, earlier_case_id, earlier_solved_at)
);
create index repeat_contact_detected on followups.repeat_contact (detected_at);
