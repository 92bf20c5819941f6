create schema if not exists email;

-- A mailbox: its address, the team its mail goes to, how mail arrives, and how replies leave.
-- Passwords are AES-GCM ciphertexts (see SecretBox); the key is never in the database.
create table email.mailbox (
    id                    uuid primary key,
    address               text        not null unique,
    name                  text,
    team_id               uuid,
    inbound_mode          text        not null check (inbound_mode in ('smtp', 'imap')),
    imap_host             text,
    imap_port             integer,
    imap_security         text check (imap_security in ('tls', 'starttls', 'none')),
    imap_username         text,
    imap_password         text,
    imap_folder           text,
    imap_processed_folder text,
    smtp_host             text,
    smtp_port             integer,
    smtp_security         text check (smtp_security in ('tls', 'starttls', 'none')),
    smtp_username         text,
    smtp_password         text,
    ack_enabled           boolean     not null default false,
    ack_subject           text,
    ack_body              text,
    active                boolean     not null default true,
    last_polled_at        timestamptz,
    last_poll_error       text,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);

-- Raw messages exactly as they arrived, stored before SMTP answers 250 or IMAP marks them seen.
-- A re-delivery of the same message into the same mailbox has the same content hash (trace headers
-- and line endings aside) and is stored once; different messages sharing a Message-ID are all kept.
create table email.inbound_message (
    id            uuid primary key,
    mailbox_id    uuid        not null references email.mailbox (id),
    source        text        not null check (source in ('smtp', 'imap')),
    envelope_from text,
    envelope_to   text[]      not null default '{}',
    message_id    text,
    content_hash  bytea       not null,
    raw           bytea       not null,
    size          integer     not null,
    received_at   timestamptz not null,
    state         text        not null default 'received' check (state in ('received', 'processed', 'failed')),
    attempts      integer     not null default 0,
    last_error    text,
    processed_at  timestamptz,
    case_id       uuid,
    entry_id      uuid,
    automatic     text,
    unique (mailbox_id, content_hash)
);
-- The parsing workers' queue: only rows still waiting are indexed.
create index inbound_waiting on email.inbound_message (received_at, id) where state = 'received';
create index inbound_case on email.inbound_message (case_id);

-- Attachments and inline images of inbound messages. Bytes live in PostgreSQL with the message, so a
-- backup of the database is a backup of everything and every node serves every file.
create table email.attachment (
    id             uuid primary key,
    inbound_id     uuid        not null references email.inbound_message (id),
    case_id        uuid        not null,
    position       integer     not null,
    filename       text        not null,
    content_type   text        not null,
    size           bigint      not null,
    content_id     text,
    inline         boolean     not null,
    content        bytea,
    omitted_reason text,
    unique (inbound_id, position)
);
create index attachment_case on email.attachment (case_id);

-- Message-IDs Casekeeper received or sent, and the case each belongs to: replies thread by them.
create table email.message_ref (
    message_id text        not null,
    case_id    uuid        not null,
    direction  text        not null check (direction in ('in', 'out')),
    created_at timestamptz not null,
    primary key (message_id, case_id)
);

-- The email conversation of a case: the mailbox it runs through, where replies go, and the
-- reply-to token (support+<token>@…) that threads answers whose headers were lost.
create table email.case_thread (
    case_id          uuid primary key,
    mailbox_id       uuid        not null references email.mailbox (id),
    reply_token      text        not null unique,
    customer_address text        not null,
    last_message_id  text,
    references_ids   text[]      not null default '{}',
    updated_at       timestamptz not null
);

-- Addresses copied on a case's mail besides the customer: they may write into it and get its replies.
create table email.case_participant (
    case_id uuid not null,
    address text not null,
    primary key (case_id, address)
);

-- The outbox: every message Casekeeper sends, rendered once (so retries send identical bytes).
create table email.outbound_message (
    id         uuid primary key,
    kind       text        not null check (kind in ('reply', 'acknowledgement')),
    mailbox_id uuid        not null references email.mailbox (id),
    case_id    uuid        not null,
    entry_id   uuid unique,
    recipient  text        not null,
    cc         text[]      not null default '{}',
    message_id text        not null,
    raw        bytea       not null,
    state      text        not null check (state in ('queued', 'sent', 'failed')),
    attempts   integer     not null default 0,
    last_error text,
    created_at timestamptz not null,
    sent_at    timestamptz
);
create index outbound_acknowledgements on email.outbound_message (recipient, created_at) where kind = 'acknowledgement';
create index outbound_case on email.outbound_message (case_id);
