-- A duplicate merged into another case. Nothing moves: the target's timeline shows the entries of
-- the cases merged into it, so undoing a merge is taking this row back (undone_at), and erasure and
-- every module keyed by the case id still find each entry where it was written.
create table cases.merge (
    id            uuid primary key,
    source_id     uuid        not null references cases.support_case (id),
    target_id     uuid        not null references cases.support_case (id),
    source_status text        not null,
    actor_kind    text        not null,
    actor_id      uuid,
    merged_at     timestamptz not null,
    undone_at     timestamptz,
    undone_by     uuid,
    check (source_id <> target_id)
);
-- A case is merged into at most one other at a time.
create unique index merge_active_source on cases.merge (source_id) where undone_at is null;
create index merge_active_target on cases.merge (target_id) where undone_at is null;

-- Related cases: a problem (the parent) and the incidents it causes (its children).
create table cases.link (
    id          uuid primary key,
    parent_id   uuid        not null references cases.support_case (id),
    child_id    uuid        not null references cases.support_case (id),
    actor_kind  text        not null,
    actor_id    uuid,
    linked_at   timestamptz not null,
    unlinked_at timestamptz,
    unlinked_by uuid,
    check (parent_id <> child_id)
);
-- Two cases are linked at most once, whichever is the parent.
create unique index link_active_pair on cases.link (least(parent_id, child_id), greatest(parent_id, child_id))
    where unlinked_at is null;
create index link_active_parent on cases.link (parent_id) where unlinked_at is null;
create index link_active_child on cases.link (child_id) where unlinked_at is null;
