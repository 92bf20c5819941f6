-- Quality reviews against the practices (docs/coaching.md): the rubric admins define, each review a
-- supervisor writes about one case and its owner, the scores per criterion (with the label and
-- weight the criterion had then, so changing the rubric later does not rewrite old reviews), the
-- comments on timeline entries, and the agent's acknowledgement.
create table reports.qa_criterion (
    key         text primary key check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
    label       text    not null,
    description text    not null,
    weight      integer not null check (weight between 1 and 100),
    position    integer not null
);
-- The three keys of seed 003 and the closing of seed 004.
insert into reports.qa_criterion (key, label, description, weight, position) values
    ('never_personal', 'Never take it personally',
     'Stayed calm with an angry customer; no blame, no condescension, no flat "no".', 25, 1),
    ('active_listening', 'Active listening',
     'Acknowledged the problem, validated the feeling, did not make the customer repeat themselves.', 25, 2),
    ('own_the_problem', 'Own the problem',
     'Committed to a fix and followed through: promises kept, complete handovers, escalated when asked.', 30, 3),
    ('closing', 'Closing',
     'Closed with the next steps and a warm farewell.', 20, 4);

create table reports.qa_review (
    id              uuid primary key,
    case_id         uuid         not null,
    case_number     bigint       not null,
    agent_id        uuid         not null,
    team_id         uuid,
    reviewer_id     uuid         not null,
    score           numeric(5,1) not null,
    summary         text         not null,
    created_at      timestamptz  not null,
    acknowledged_at timestamptz,
    acknowledgement text
);
create index qa_review_agent on reports.qa_review (agent_id, created_at desc);
create index qa_review_team on reports.qa_review (team_id, created_at desc);
create index qa_review_case on reports.qa_review (case_id);

create table reports.qa_review_score (
    review_id uuid    not null references reports.qa_review (id) on delete cascade,
    criterion text    not null,
    label     text    not null,
    weight    integer not null,
    score     integer not null check (score between 1 and 5),
    position  integer not null,
    primary key (review_id, criterion)
);

create table reports.qa_review_comment (
    id        bigint generated always as identity primary key,
    review_id uuid not null references reports.qa_review (id) on delete cascade,
    entry_id  uuid not null,
    text      text not null
);
create index qa_review_comment_review on reports.qa_review_comment (review_id);
