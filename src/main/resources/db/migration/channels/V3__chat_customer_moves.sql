-- Chats moved from one customer record to another by a merge, so that undoing it moves them back.
create table chat.customer_move (
    merge_id        uuid not null,
    conversation_id uuid not null references chat.conversation (id) on delete cascade,
    primary key (merge_id, conversation_id)
);
