create schema if not exists workspace;

-- A receiving owner dismissed the transfer summary shown on top of a case. Kept per handover (its
-- time), so the next transfer of the same case shows its own summary again.
create table workspace.handover_dismissal (
    agent_id     uuid        not null,
    case_id      uuid        not null,
    handover_at  timestamptz not null,
    dismissed_at timestamptz not null,
    primary key (agent_id, case_id, handover_at)
);
