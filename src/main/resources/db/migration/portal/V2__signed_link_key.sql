-- The secret that signs the links customers follow from mail (a case's status page, a rating), made
-- at the first signing when casekeeper.portal.link-secret is not set, and shared by every node.
create table portal.link_key (
    id         integer primary key check (id = 1),
    secret     bytea       not null,
    created_at timestamptz not null
);
