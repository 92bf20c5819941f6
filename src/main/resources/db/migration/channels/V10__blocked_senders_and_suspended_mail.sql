-- Senders whose mail opens no case: an address (spam@example.com) or a whole domain (example.com).
create table email.blocked_sender (
    id         uuid primary key,
    kind       text        not null check (kind in ('address', 'domain')),
    value      text        not null unique,
    created_by uuid,
    created_at timestamptz not null
);

-- Mail from a blocked sender is stored but suspended, kept for casekeeper.mail.suspended.retention and
-- listed for admins; an admin may release it (it is then ingested like any message, once).
alter table email.inbound_message drop constraint inbound_message_state_check;
alter table email.inbound_message add constraint inbound_message_state_check
    check (state in ('received', 'processed', 'failed', 'suspended'));
alter table email.inbound_message add column suspended_at timestamptz;
alter table email.inbound_message add column blocked_sender text;
alter table email.inbound_message add column suspended_from text;
alter table email.inbound_message add column suspended_subject text;
alter table email.inbound_message add column released_at timestamptz;
create index inbound_suspended on email.inbound_message (suspended_at) where state = 'suspended';
