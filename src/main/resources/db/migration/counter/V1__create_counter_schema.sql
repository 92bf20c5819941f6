create schema if not exists counter;

-- A place where walk-ins take tickets: a store's returns counter, a service desk.
create table counter.location (
    id          uuid primary key,
    slug        text        not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,59}$'),
    name        text        not null,
    zone        text        not null, -- ticket numbers start again every day in this time zone
    created_at  timestamptz not null
);

-- Why someone comes, as the kiosk offers it: served by a team's agents with some skills.
create table counter.reason (
    id           uuid primary key,
    location_id  uuid        not null references counter.location (id),
    label        text        not null,
    code         text        not null check (code ~ '^[A-Z]{1,3}$'), -- the ticket's letters: R-042
    team_id      uuid        not null,
    skills       text[]      not null default '{}',
    position     int         not null,
    created_at   timestamptz not null,
    unique (location_id, label),
    unique (location_id, code)
);
create index reason_team on counter.reason (team_id);

-- The last number given per location, day and code, drawn under the row lock.
create table counter.number_seq (
    location_id uuid not null,
    day         date not null,
    code        text not null,
    last        int  not null,
    primary key (location_id, day, code)
);

-- Where an agent serves now.
create table counter.seat (
    agent_id    uuid primary key,
    location_id uuid        not null references counter.location (id),
    desk        text        not null,
    since       timestamptz not null,
    unique (location_id, desk)
);

create table counter.ticket (
    id           uuid primary key,
    location_id  uuid        not null references counter.location (id),
    reason_id    uuid        not null references counter.reason (id),
    day          date        not null,
    number       text        not null,
    first_name   text        not null,
    email        text,
    phone        text,
    customer_id  uuid        not null,
    case_id      uuid        not null,
    case_number  bigint      not null,
    contact_id   uuid        not null, -- the routing contact now (a transfer to a desk queues a new one)
    state        text        not null check (state in ('waiting', 'called', 'serving', 'ended', 'no_show')),
    for_desk     text,                 -- waiting for this desk only (transferred there)
    desk         text,
    agent_id     uuid,
    taken_at     timestamptz not null,
    called_at    timestamptz,
    served_at    timestamptz,
    ended_at     timestamptz,
    unique (location_id, day, number)
);
create index ticket_live on counter.ticket (location_id, taken_at) where state in ('waiting', 'called', 'serving');
create index ticket_agent on counter.ticket (agent_id) where state in ('called', 'serving');
