-- The secret that signs the links to agents' files in chat windows: made once, at random, so every
-- node signs and checks alike and a restart keeps the links already shown good.
create table chat.file_link_key (
    id         int         primary key check (id = 1),
    secret     bytea       not null,
    created_at timestamptz not null
);
