-- The agent's side of a live contact: holds, warm and cold transfers, who is on it, supervisor requests.

-- How often and how long the contact was on hold, kept on the contact for reporting.
alter table routing.contact add column held_since timestamptz;  -- set while on hold
alter table routing.contact add column hold_count integer not null default 0;
alter table routing.contact add column held_ms    bigint  not null default 0;
alter table routing.contact add column transfers  integer not null default 0;

-- Every hold: when it began and ended, its limit, and when the limit prompt went out.
create table routing.hold (
    id                uuid primary key,
    contact_id        uuid        not null references routing.contact (id),
    case_id           uuid        not null,
    agent_id          uuid        not null,
    started_at        timestamptz not null,
    limit_s           integer     not null check (limit_s > 0),
    limit_reached_at  timestamptz,
    ended_at          timestamptz
);
-- At most one open hold per contact.
create unique index hold_open on routing.hold (contact_id) where ended_at is null;
create index hold_case on routing.hold (case_id);

-- Agents on a live contact besides its agent: colleagues who joined a warm transfer, supervisors who took a request.
create table routing.participant (
    contact_id uuid        not null references routing.contact (id),
    agent_id   uuid        not null,
    role       text        not null check (role in ('colleague', 'supervisor')),
    joined_at  timestamptz not null,
    left_at    timestamptz
);
create unique index participant_on on routing.participant (contact_id, agent_id) where left_at is null;

-- A warm transfer: the first agent invites a colleague, with the reason and what the customer already said.
create table routing.invitation (
    id            uuid primary key,
    contact_id    uuid        not null references routing.contact (id),
    case_id       uuid        not null,
    from_agent_id uuid        not null,
    to_agent_id   uuid        not null,
    reason        text        not null,
    summary       text        not null,
    created_at    timestamptz not null,
    outcome       text check (outcome in ('accepted', 'declined', 'withdrawn')),
    answered_at   timestamptz
);
create unique index invitation_open on routing.invitation (contact_id, to_agent_id) where outcome is null;
create index invitation_to on routing.invitation (to_agent_id) where outcome is null;

-- Every transfer of a live contact, cold (to a team's queue) or warm (to a colleague who joined).
create table routing.transfer (
    id            uuid primary key,
    contact_id    uuid        not null references routing.contact (id),
    case_id       uuid        not null,
    kind          text        not null check (kind in ('cold', 'warm')),
    from_agent_id uuid        not null,
    to_team_id    uuid,
    to_agent_id   uuid,
    reason        text        not null,
    summary       text        not null,
    at            timestamptz not null
);
create index transfer_case on routing.transfer (case_id);

-- A request for a supervisor: open until a supervisor takes it; one open request per case.
create table routing.supervisor_request (
    id            uuid primary key,
    case_id       uuid        not null,
    team_id       uuid,
    source        text        not null,
    requested_by  text        not null, -- actor kind: customer, agent, system
    requester_id  uuid,
    requested_at  timestamptz not null,
    taken_by      uuid,
    taken_at      timestamptz
);
create unique index supervisor_request_open on routing.supervisor_request (case_id) where taken_at is null;
create index supervisor_request_queue on routing.supervisor_request (requested_at) where taken_at is null;
