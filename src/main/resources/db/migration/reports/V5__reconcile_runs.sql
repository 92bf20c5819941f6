-- Each nightly reconcile of the facts (docs/operations.md): when it ran, over which days, how many
-- cases it worked out again. One row per run, however many nodes the desk has.
create table reports.reconcile_run (
    id          bigint generated always as identity primary key,
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    from_day    date        not null,
    to_day      date        not null,
    cases       int         not null
);
create index reconcile_run_started on reports.reconcile_run (started_at desc);
