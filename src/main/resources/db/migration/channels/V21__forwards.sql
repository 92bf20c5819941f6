-- Forwards of a case's messages to third parties: whom each went to, and the reply token and
-- Message-ID their answer comes back by, so only an addressee's answer threads into the case (and
-- never joins the people copied on the customer's replies).
create table email.forward (
    entry_id   uuid        primary key,
    case_id    uuid        not null,
    token      text        not null unique,
    message_id text        not null,
    addresses  text[]      not null,
    created_at timestamptz not null
);
create index forward_case_idx on email.forward (case_id);
create index forward_message_idx on email.forward (message_id);
