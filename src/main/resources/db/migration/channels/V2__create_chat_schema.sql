create schema if not exists chat;

-- One chat: the visitor (the SHA-256 digest of their browser token), the mailbox the widget named
-- and its team (the queue), the case and routing contact once the first message came, what the
-- pre-chat form said, and who joined. A visitor has at most one open chat per mailbox.
create table chat.conversation (
    id               uuid primary key,
    visitor_digest   text        not null,
    customer_id      uuid        not null,
    mailbox          text        not null,
    team_id          uuid        not null,
    case_id          uuid,
    case_number      bigint,
    contact_id       uuid,
    state            text        not null check (state in ('new', 'waiting', 'chatting', 'ended')),
    name             text,
    email            text,
    phone            text,
    topic            text,
    agent_id         uuid,
    agent_name       text,
    last_seq         bigint      not null default 0,
    created_at       timestamptz not null,
    ended_at         timestamptz,
    ended_reason     text,
    disconnected_at  timestamptz
);
create unique index conversation_open on chat.conversation (visitor_digest, mailbox) where state <> 'ended';
create unique index conversation_case on chat.conversation (case_id) where state <> 'ended';

-- The numbered messages of a chat. A customer's or agent's message keeps the id its client gave
-- it, so a message sent again after a reconnect is found instead of stored twice; entry_id is the
-- case timeline entry it became.
create table chat.message (
    conversation_id uuid        not null references chat.conversation (id) on delete cascade,
    seq             bigint      not null,
    author          text        not null check (author in ('customer', 'agent', 'system')),
    author_id       uuid,
    author_name     text,
    client_id       text,
    event           text,
    body            text,
    entry_id        uuid,
    created_at      timestamptz not null,
    primary key (conversation_id, seq)
);
create unique index message_client on chat.message (conversation_id, author, client_id) where client_id is not null;
create unique index message_entry on chat.message (entry_id) where entry_id is not null;

-- Which nodes hold sockets of a chat now, and how many; a node says it is alive every few seconds,
-- so the sockets of a node that died count for nothing. The grace timer reads this to tell a
-- dropped connection (the widget is back, here or on another node) from a customer who left.
create table chat.node (
    id      uuid primary key,
    seen_at timestamptz not null
);
create table chat.connection (
    conversation_id uuid not null references chat.conversation (id) on delete cascade,
    node_id         uuid not null,
    sockets         int  not null check (sockets >= 0),
    primary key (conversation_id, node_id)
);
