-- Files and pictures of an article, kept in the database beside it (as cases.attachment keeps an
-- agent's files): a backup of the database has them, and every node serves them. The type is the one
-- sniffed from the bytes; sha256 is the file's ETag. A file is served to the help center only once
-- the article has been published with it (published), and only while the article is published and
-- public. seq keeps the order they were added in.
create table knowledge.article_file (
    id           uuid primary key,
    seq          bigint generated always as identity,
    article_id   uuid        not null references knowledge.article (id) on delete cascade,
    filename     text        not null,
    content_type text        not null,
    size         bigint      not null,
    sha256       text        not null,
    content      bytea       not null,
    published    boolean     not null default false,
    created_at   timestamptz not null,
    created_by   uuid        not null
);
create index article_file_article on knowledge.article_file (article_id, seq);
