-- One-time codes serve three purposes now: signing in, verifying an identity a signed-in customer
-- adds, and the link a chat visitor gets for the email address she typed. They go to an identity of
-- a kind (email now; a phone channel would send to phones) and value. Numbered 10 to stay clear of
-- other portal migrations written at the same time.
alter table portal.sign_in_code rename column email to value;
alter table portal.sign_in_code add column kind text not null default 'email' check (kind in ('email', 'phone'));
alter table portal.sign_in_code add column purpose text not null default 'sign-in'
    check (purpose in ('sign-in', 'verify', 'link'));
drop index portal.sign_in_code_email;
create index sign_in_code_value on portal.sign_in_code (kind, value, purpose, created_at desc);
create index sign_in_code_customer on portal.sign_in_code (customer_id);
