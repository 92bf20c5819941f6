create schema if not exists routing;

-- Per agent: presence, capacities, skills, and a copy of the teams they serve (taken from the
-- agents module whenever presence or settings change). Locked while an offer to the agent is made,
-- so two nodes never both fill the agent's last free slot.
create table routing.agent_state (
    agent_id       uuid primary key,
    presence       text        not null check (presence in ('available', 'busy', 'away', 'on_break')),
    presence_since timestamptz not null,
    -- The later of becoming available and the last offer: the longest-idle agent is the one with the oldest.
    idle_since     timestamptz not null,
    chat_capacity  integer check (chat_capacity between 0 and 100),  -- null: the configured default
    email_capacity integer check (email_capacity between 0 and 100), -- null: the configured default
    skills         text[]      not null default '{}',
    team_ids       uuid[]      not null default '{}',
    updated_at     timestamptz not null
);
create index agent_state_available on routing.agent_state using gin (team_ids) where presence = 'available';

-- Per team: where contacts go when they wait too long.
create table routing.team_settings (
    team_id          uuid primary key,
    overflow_team_id uuid,
    overflow_after_s integer check (overflow_after_s > 0),
    updated_at       timestamptz not null,
    check ((overflow_team_id is null) = (overflow_after_s is null)),
    check (overflow_team_id is distinct from team_id)
);

-- A customer contact waiting for, offered to, or handled by an agent.
create table routing.contact (
    id               uuid primary key,
    case_id          uuid        not null,
    channel          text        not null check (channel in ('chat', 'email')),
    team_id          uuid        not null,
    required_skills  text[]      not null default '{}',
    priority         smallint    not null, -- 0 low .. 3 urgent
    arrived_at       timestamptz not null, -- when the customer started waiting
    queued_at        timestamptz not null, -- when it entered its current team's queue (overflow counts from here)
    state            text        not null check (state in ('waiting', 'offered', 'accepted', 'ended', 'abandoned')),
    agent_id         uuid,                 -- offered to or accepted by
    offer_id         uuid,                 -- the current offer
    accepted_at      timestamptz,
    ended_at         timestamptz,
    waited_ms        bigint,               -- arrival to acceptance or abandonment
    callback_email   text,
    callback_phone   text,
    overflowed       boolean     not null default false,
    -- Waiting: nobody's; offered or accepted: an agent's; ended keeps who handled it.
    check (case state when 'waiting' then agent_id is null when 'offered' then agent_id is not null
                      when 'accepted' then agent_id is not null else true end)
);
-- The queue: oldest of highest priority first, only waiting rows indexed.
create index contact_queue on routing.contact (team_id, priority desc, arrived_at, id) where state = 'waiting';
-- An agent's load per channel.
create index contact_load on routing.contact (agent_id, channel) where state in ('offered', 'accepted');
-- One live contact per case.
create unique index contact_live_case on routing.contact (case_id) where state in ('waiting', 'offered', 'accepted');
create index contact_abandoned on routing.contact (ended_at desc) where state = 'abandoned';
create index contact_handled on routing.contact (team_id, channel, ended_at desc) where state = 'ended' and accepted_at is not null;

-- Every offer ever made. `seq` and `released_seq` come from one sequence, drawn under the agent's
-- and the contact's row locks: they order offers and releases across nodes, whatever the clocks say.
create sequence routing.offer_seq;
create table routing.offer (
    id           uuid primary key,
    contact_id   uuid        not null references routing.contact (id),
    agent_id     uuid        not null,
    channel      text        not null,
    seq          bigint      not null,
    offered_at   timestamptz not null,
    expires_at   timestamptz not null,
    outcome      text check (outcome in ('accepted', 'declined', 'expired', 'withdrawn', 'abandoned')),
    answered_at  timestamptz,
    -- When the slot it took on the agent's capacity was freed: on decline, expiry, withdrawal, abandonment, or the contact's end.
    released_seq bigint,
    released_at  timestamptz
);
create index offer_contact on routing.offer (contact_id, agent_id);
create index offer_agent on routing.offer (agent_id, seq);

-- Moves of a waiting contact to the overflow team.
create table routing.overflow (
    contact_id   uuid        not null references routing.contact (id),
    from_team_id uuid        not null,
    to_team_id   uuid        not null,
    waited_ms    bigint      not null,
    at           timestamptz not null,
    primary key (contact_id, at)
);

-- Callback tasks for the team, from contacts that left before an agent answered.
create table routing.callback (
    id         uuid primary key,
    contact_id uuid        not null unique references routing.contact (id),
    case_id    uuid        not null,
    team_id    uuid        not null,
    email      text,
    phone      text,
    created_at timestamptz not null,
    done_at    timestamptz
);
create index callback_open on routing.callback (team_id, created_at) where done_at is null;
