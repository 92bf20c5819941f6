-- A change to a published article waits here until it is published: the article row keeps the
-- live text (and its search vector) that the help center and the case suggestions show.
-- At most one pending draft per article; its revision is the newest in knowledge.revision.
create table knowledge.pending_draft (
    article_id uuid primary key references knowledge.article (id) on delete cascade,
    title      text        not null,
    slug       text        not null,
    summary    text        not null,
    body       text        not null,
    body_html  text        not null,
    category   text        not null,
    section    text        not null,
    tags       text[]      not null,
    visibility text        not null check (visibility in ('internal', 'public')),
    state      text        not null check (state in ('draft', 'review')),
    owner_id   uuid        not null,
    review_by  date,
    revision   integer     not null,
    updated_at timestamptz not null,
    updated_by uuid        not null
);
