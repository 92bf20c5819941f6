-- The help center's brand as an admin set it: one row. Without it (or with a column null) the help
-- center shows casekeeper.knowledge.brand-name and its own colours.
create table knowledge.brand (
    id           boolean primary key default true check (id),
    name         text,
    accent_color text check (accent_color ~ '^#[0-9a-f]{6}$'),
    header_color text check (header_color ~ '^#[0-9a-f]{6}$'),
    logo         bytea,
    logo_type    text,
    logo_name    text,
    updated_at   timestamptz not null,
    updated_by   uuid        not null
);
