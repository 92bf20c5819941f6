create schema if not exists web;

-- Browser sign-ins (Spring Session JDBC): any node serves any agent, and a deactivated agent's
-- sessions are found by principal name (the agent's id) and deleted.
create table web.spring_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on web.spring_session (session_id);
create index spring_session_ix2 on web.spring_session (expiry_time);
create index spring_session_ix3 on web.spring_session (principal_name);

create table web.spring_session_attributes (
    session_primary_id char(36)     not null references web.spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);

-- Failed sign-ins, by account (the email as typed, normalized) and by client address. Too many of
-- either in the lockout window refuse further sign-ins until the oldest ages out; kept here, not
-- in memory, so every node counts the same failures.
create table web.failed_sign_in (
    id      bigint generated always as identity primary key,
    account text        not null,
    address text        not null,
    at      timestamptz not null
);
create index failed_sign_in_account on web.failed_sign_in (account, at);
create index failed_sign_in_address on web.failed_sign_in (address, at);
create index failed_sign_in_at on web.failed_sign_in (at);
