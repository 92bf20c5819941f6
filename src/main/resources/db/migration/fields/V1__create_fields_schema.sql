create schema if not exists fields;

-- Custom fields admins define (for cases so far). A case's values live with the case
-- (cases.support_case.custom_fields, by api_key).
create table fields.field (
    id                uuid        primary key,
    subject           text        not null check (subject in ('case', 'customer')),
    name              text        not null,
    api_key           text        not null,
    type              text        not null,
    help_text         text,
    required_to_solve boolean     not null default false,
    team_id           uuid,
    options           text[]      not null default '{}',
    position          int         not null,
    created_at        timestamptz not null,
    unique (subject, api_key)
);
