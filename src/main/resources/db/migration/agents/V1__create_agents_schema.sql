create schema if not exists agents;

create table agents.agent (
    id            uuid primary key,
    tenant_id     integer     not null default 1,
    email         text        not null unique,
    name          text        not null,
    password_hash text        not null,
    role          text        not null check (role in ('agent', 'supervisor', 'admin')),
    active        boolean     not null default true,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

create table agents.team (
    id         uuid primary key,
    tenant_id  integer     not null default 1,
    name       text        not null unique,
    created_at timestamptz not null
);

create table agents.team_member (
    team_id  uuid not null references agents.team (id) on delete cascade,
    agent_id uuid not null references agents.agent (id) on delete cascade,
    primary key (team_id, agent_id)
);
create index team_member_agent on agents.team_member (agent_id);

-- API tokens are kept only as a SHA-256 digest: the token itself is shown once, at creation.
create table agents.api_token (
    id           uuid primary key,
    agent_id     uuid        not null references agents.agent (id) on delete cascade,
    name         text        not null,
    token_digest text        not null unique,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_agent on agents.api_token (agent_id);
