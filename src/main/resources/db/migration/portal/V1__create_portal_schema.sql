create schema if not exists portal;

-- One-time sign-in codes and links sent to a customer's email address. Only digests are kept: the
-- six-digit code salted with the row's id, the link's token as it is (it is random and long). A
-- row is spent once used, dead once expired or after too many wrong codes, and deleted a day later.
create table portal.sign_in_code (
    id          uuid primary key,
    customer_id uuid        not null,
    email       text        not null,
    code_digest text        not null,
    link_digest text        not null unique,
    attempts    integer     not null default 0,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index sign_in_code_email on portal.sign_in_code (email, created_at desc);
create index sign_in_code_expires on portal.sign_in_code (expires_at);
