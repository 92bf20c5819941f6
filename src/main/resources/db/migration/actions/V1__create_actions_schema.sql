create schema if not exists actions;

-- What a case can do for its customer, as an admin defined it: a built-in kind (refund, replacement,
-- store credit, licence re-issue, fee waiver, technician visit) or a custom one, the fields an agent
-- fills in, and who may run it without an approval. With an amount: agents up to agent_limit,
-- supervisors up to supervisor_limit, admins above (a null limit: that role never runs it alone).
-- Without: the lowest role that runs it alone (min_role). endpoint_url is the company's system the
-- action calls, signed with endpoint_secret (sealed under casekeeper.actions.secret-key); without
-- it the action is done by hand. next_steps is what the reply box offers the customer afterwards.
create table actions.action_type (
    id               uuid primary key,
    name             text          not null,
    kind             text          not null check (kind in ('refund', 'replacement', 'store_credit',
                                                            'licence_reissue', 'fee_waiver',
                                                            'technician_visit', 'custom')),
    has_amount       boolean       not null,
    currency         text,
    agent_limit      numeric(12, 2),
    supervisor_limit numeric(12, 2),
    min_role         text          not null check (min_role in ('agent', 'supervisor', 'admin')),
    fields           jsonb         not null default '[]',
    next_steps       text          not null,
    endpoint_url     text,
    endpoint_secret  text,
    active           boolean       not null default true,
    created_at       timestamptz   not null
);
create unique index action_type_name on actions.action_type (lower(name));

-- An action proposed on a case. awaiting_approval: above the proposer's limit, waiting for someone of
-- approver_role (a supervisor of the case's team, or an admin); running: approved or within the limit,
-- its call on its way (or, done by hand, waiting to be marked done); then done, failed or declined.
create table actions.action (
    id             uuid primary key,
    type_id        uuid          not null references actions.action_type (id),
    case_id        uuid          not null,
    case_number    bigint        not null,
    case_subject   text          not null,
    team_id        uuid,
    amount         numeric(12, 2),
    currency       text,
    fields         jsonb         not null default '{}',
    note           text,
    state          text          not null check (state in ('awaiting_approval', 'running', 'done',
                                                          'failed', 'declined')),
    approver_role  text          check (approver_role in ('supervisor', 'admin')),
    manual         boolean       not null,
    proposed_by    uuid          not null,
    proposed_at    timestamptz   not null,
    decided_by     uuid,
    decided_at     timestamptz,
    decline_reason text,
    result         text,
    finished_by    uuid,
    finished_at    timestamptz
);
create index action_case on actions.action (case_id, proposed_at);
create index action_open on actions.action (case_id) where state in ('awaiting_approval', 'running');
create index action_waiting on actions.action (proposed_at) where state = 'awaiting_approval';

-- The outbox of calls to the company's system: written in the transaction that starts the action,
-- sent by any node (FOR UPDATE SKIP LOCKED), retried with back-off; body is the exact JSON signed on
-- every attempt. A node that takes a call moves next_attempt_at past the attempt's time-out, so
-- another retries it only if this one died during the attempt.
create table actions.call (
    id              uuid primary key,
    action_id       uuid        not null references actions.action (id),
    body            text        not null,
    created_at      timestamptz not null,
    state           text        not null check (state in ('pending', 'delivered', 'failed')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz,
    last_status     integer,
    last_error      text
);
create index call_due on actions.call (next_attempt_at) where state = 'pending';

create table actions.call_attempt (
    call_id      uuid        not null references actions.call (id),
    number       integer     not null,
    attempted_at timestamptz not null,
    status       integer,
    duration_ms  integer     not null,
    detail       text,
    primary key (call_id, number)
);
