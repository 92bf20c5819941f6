-- The web form's topics, defined by admins: in the order the form lists them, each with the team its
-- cases go to and its label in English (required), German and Spanish (English when missing).
create table portal.contact_topic (
    id uuid primary key,
    position int not null,
    team_id uuid,
    label_en text not null,
    label_de text,
    label_es text,
    created_at timestamptz not null
);

create index contact_topic_position on portal.contact_topic (position, label_en);
