-- The nodes running Casekeeper on this database, each saying it is alive every few seconds (by the
-- database's clock). A node that starts while no other is alive knows every unfinished event
-- publication was left by a node that is gone, and runs them again at once; with others alive it
-- leaves them to the recovery job, because they may still be running elsewhere.
create schema if not exists events;

create table events.node (
    id         uuid primary key,
    started_at timestamptz not null default now(),
    seen_at    timestamptz not null default now()
);
