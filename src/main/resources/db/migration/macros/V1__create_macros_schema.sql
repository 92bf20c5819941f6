create schema if not exists macros;

-- Canned responses. Names are unique without regard to case, so the picker never shows two alike.
create table macros.macro (
    id         uuid primary key,
    tenant_id  integer     not null default 1,
    name       text        not null,
    body       text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    created_by uuid,
    updated_by uuid
);
create unique index macro_name_lower on macros.macro (tenant_id, lower(name));
