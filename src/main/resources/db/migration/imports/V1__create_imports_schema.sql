create schema if not exists imports;

-- An import an admin started: where its files are, how far it got and what it did. `file_index` and
-- `position` are the checkpoint, written in the same transaction as the batch they follow, so a run
-- that stops (a crash, a restart) resumes after the last committed batch and never repeats one.
create table imports.job (
    id             uuid primary key,
    source         text        not null check (source in ('zendesk', 'csv')),
    directory      text        not null,
    state          text        not null check (state in ('queued', 'running', 'done', 'failed')),
    file_index     integer     not null default 0,
    position       bigint      not null default 0,
    bytes_total    bigint      not null default 0,
    bytes_done     bigint      not null default 0,
    created        integer     not null default 0,
    updated        integer     not null default 0,
    skipped        integer     not null default 0,
    failure        text,
    created_by     uuid        not null,
    created_at     timestamptz not null,
    started_at     timestamptz,
    finished_at    timestamptz
);
create index job_created on imports.job (created_at desc);

-- Ids from the source and what they became here (a customer, a case, a message), so a second run of
-- the same files updates what the first made instead of making it again. `label` keeps what a later
-- batch needs to know about a source record that became nothing here (an agent's name).
create table imports.source_key (
    source     text        not null,
    kind       text        not null,
    source_id  text        not null,
    target_id  uuid,
    label      text,
    job_id     uuid        not null,
    updated_at timestamptz not null,
    primary key (source, kind, source_id)
);
create index source_key_target on imports.source_key (target_id);

-- What a run left out, and why: the admin's report.
create table imports.skip (
    id        bigint generated always as identity primary key,
    job_id    uuid        not null references imports.job (id) on delete cascade,
    file      text        not null,
    record    text        not null,
    reason    text        not null
);
create index skip_job on imports.skip (job_id, id);
