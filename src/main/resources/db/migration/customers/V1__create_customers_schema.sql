create schema if not exists customers;

create table customers.customer (
    id           uuid primary key,
    tenant_id    integer     not null default 1,
    display_name text        not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index customer_name_trgm on customers.customer using gin (display_name gin_trgm_ops);

-- Email addresses and phone numbers; each one belongs to exactly one customer.
create table customers.identity (
    id          uuid primary key,
    customer_id uuid        not null references customers.customer (id) on delete cascade,
    kind        text        not null check (kind in ('email', 'phone')),
    value       text        not null,
    verified    boolean     not null default false,
    created_at  timestamptz not null,
    unique (kind, value)
);
create index identity_customer on customers.identity (customer_id);
create index identity_value_trgm on customers.identity using gin (value gin_trgm_ops);

-- Fields the customer says about themselves, with who set them. A value the customer declared
-- is theirs: an agent cannot overwrite it.
create table customers.declared_field (
    customer_id uuid        not null references customers.customer (id) on delete cascade,
    field       text        not null,
    value       text        not null,
    set_by_kind text        not null check (set_by_kind in ('customer', 'agent', 'system')),
    set_by_id   uuid,
    set_at      timestamptz not null,
    primary key (customer_id, field)
);

create table customers.history (
    id          bigint generated always as identity primary key,
    customer_id uuid        not null,
    actor_kind  text        not null,
    actor_id    uuid,
    field       text        not null,
    before      text,
    after       text,
    at          timestamptz not null
);
create index history_customer on customers.history (customer_id, id);
create trigger history_append_only before update or delete on customers.history
    for each row execute function public.refuse_change_to_append_only();
