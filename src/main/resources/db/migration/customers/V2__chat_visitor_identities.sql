-- Chat widget visitors are identities too: the SHA-256 digest of the token their browser keeps.
alter table customers.identity drop constraint identity_kind_check;
alter table customers.identity add constraint identity_kind_check check (kind in ('email', 'phone', 'chat'));
