-- What customers do about themselves in the portal, and what agents do about customers' records:
-- suggestions the customer answers, merges of two records (with their audit trail and what moved,
-- for undoing), and erasure requests.

-- A record merged into another keeps its row (its name and fields, for undoing) and points to the
-- record that remains. An erased record keeps its row, anonymised.
alter table customers.customer add column merged_into uuid references customers.customer (id);
alter table customers.customer add column erased_at timestamptz;
create index customer_merged_into on customers.customer (merged_into) where merged_into is not null;

-- An agent may only suggest a change to what the customer declares; the customer accepts or declines.
-- One pending suggestion per field: a newer one supersedes it.
create table customers.suggestion (
    id           uuid primary key,
    customer_id  uuid        not null references customers.customer (id) on delete cascade,
    field        text        not null,
    value        text        not null,
    suggested_by uuid        not null,
    suggested_at timestamptz not null,
    state        text        not null check (state in ('pending', 'accepted', 'declined', 'superseded')),
    answered_at  timestamptz
);
create unique index suggestion_pending on customers.suggestion (customer_id, field) where state = 'pending';
create index suggestion_customer on customers.suggestion (customer_id, suggested_at desc);

-- A merge of the source record into the target record: proposed by an agent, completed when the
-- customer proves an identity of each record or when a supervisor confirms it with a reason, and
-- undone by a supervisor. moved lists the identities and fields that moved, so an undo restores them.
create table customers.merge (
    id          uuid primary key,
    source_id   uuid        not null references customers.customer (id),
    target_id   uuid        not null references customers.customer (id),
    state       text        not null check (state in ('proposed', 'completed', 'declined', 'undone')),
    note        text,
    proposed_by uuid,
    proposed_at timestamptz not null,
    moved       jsonb,
    updated_at  timestamptz not null,
    check (source_id <> target_id)
);
create unique index merge_open on customers.merge (least(source_id, target_id), greatest(source_id, target_id))
    where state = 'proposed';
create index merge_source on customers.merge (source_id);
create index merge_target on customers.merge (target_id);
create index merge_state on customers.merge (state, updated_at desc);

-- The audit trail of merges: every step, who took it and why. Append-only.
create table customers.merge_event (
    id         bigint generated always as identity primary key,
    merge_id   uuid        not null references customers.merge (id),
    action     text        not null check (action in ('proposed', 'completed', 'declined', 'undone')),
    actor_kind text        not null,
    actor_id   uuid,
    reason     text,
    at         timestamptz not null
);
create index merge_event_merge on customers.merge_event (merge_id, id);
create trigger merge_event_append_only before update or delete on customers.merge_event
    for each row execute function public.refuse_change_to_append_only();

-- A customer's request to erase her personal data, reviewed by a supervisor. What erasure did is
-- summed up in outcome (counts, never the erased data).
create table customers.erasure_request (
    id           uuid primary key,
    customer_id  uuid        not null references customers.customer (id),
    requested_at timestamptz not null,
    state        text        not null check (state in ('pending', 'approved', 'declined')),
    reviewed_by  uuid,
    reviewed_at  timestamptz,
    review_note  text,
    outcome      jsonb
);
create unique index erasure_pending on customers.erasure_request (customer_id) where state = 'pending';
create index erasure_state on customers.erasure_request (state, requested_at);

-- The customer history is append-only, except for erasure, which blanks the values it holds. The
-- exception needs the transaction-local setting casekeeper.erasing = 'on', which only erasure sets.
create function customers.refuse_change_unless_erasing() returns trigger
language plpgsql as $$
begin
    if tg_op = 'UPDATE' and current_setting('casekeeper.erasing', true) = 'on' then
        return new;
    end if;
    raise exception '% is append-only', tg_table_schema || '.' || tg_table_name;
end;
$$;
drop trigger history_append_only on customers.history;
create trigger history_append_only before update or delete on customers.history
    for each row execute function customers.refuse_change_unless_erasing();
