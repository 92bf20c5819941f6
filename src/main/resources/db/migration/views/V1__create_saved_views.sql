create schema if not exists views;

-- Lists agents build from filters. Personal (team_id null) or shared with a team by a supervisor.
create table views.saved_view (
    id         uuid        primary key,
    name       text        not null,
    owner_id   uuid        not null,
    team_id    uuid,
    filters    jsonb       not null,
    columns    text[]      not null,
    created_at timestamptz not null
);
create index saved_view_owner on views.saved_view (owner_id);
create index saved_view_team on views.saved_view (team_id) where team_id is not null;
