create schema if not exists fields;

-- Custom fields admins define for cases and customers. A case's values live with the case
-- (cases.support_case.custom_fields, by api_key); a customer's in customer_value below.
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

create table fields.customer_value (
    customer_id uuid        not null,
    api_key     text        not null,
    value       jsonb       not null,
    updated_at  timestamptz not null,
    primary key (customer_id, api_key)
);

-- Every change of a customer's value, for the customer's record.
create table fields.customer_value_change (
    id          bigserial   primary key,
    customer_id uuid        not null,
    field_name  text        not null,
    before      text,
    after       text,
    actor_id    uuid,
    at          timestamptz not null
);
create index customer_value_change_customer on fields.customer_value_change (customer_id, id);
