-- What customers say about the service: a rating per solve of a case, compliments for agents,
-- complaints and the complaint cases they opened.
create schema if not exists feedback;

create table feedback.rating (
    id          uuid primary key,
    case_id     uuid        not null,
    case_number bigint      not null,
    -- the solve it rates: the case's solved_at at the time; one answer per case per solve
    solved_at   timestamptz not null,
    customer_id uuid        not null,
    owner_id    uuid,
    team_id     uuid,
    score       text        not null check (score in ('good', 'okay', 'bad')),
    comment     text,
    source      text        not null check (source in ('email', 'portal', 'chat')),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    unique (case_id, solved_at)
);
create index rating_owner on feedback.rating (owner_id, created_at desc);
create index rating_team on feedback.rating (team_id, created_at desc);

-- A compliment is a permanent record on the agent's profile: never changed, never deleted.
create table feedback.compliment (
    id          uuid primary key,
    case_id     uuid        not null,
    case_number bigint      not null,
    agent_id    uuid,
    team_id     uuid,
    customer_id uuid        not null,
    text        text        not null,
    created_at  timestamptz not null
);
create index compliment_agent on feedback.compliment (agent_id, created_at desc);

create table feedback.complaint (
    id                    uuid primary key,
    case_id               uuid        not null,
    case_number           bigint      not null,
    complaint_case_id     uuid        not null unique,
    complaint_case_number bigint      not null,
    agent_id              uuid,
    supervisor_id         uuid,
    customer_id           uuid        not null,
    text                  text        not null,
    created_at            timestamptz not null
);
create index complaint_case on feedback.complaint (case_id);

create function feedback.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'feedback.% rows are permanent', tg_table_name;
end;
$$;
create trigger compliment_permanent before update or delete on feedback.compliment
    for each row execute function feedback.refuse_change();
create trigger complaint_permanent before update or delete on feedback.complaint
    for each row execute function feedback.refuse_change();

-- Things done once per database: the complaint SLA policy is created with the first complaint.
create table feedback.done_once (
    name    text primary key,
    done_at timestamptz not null
);
