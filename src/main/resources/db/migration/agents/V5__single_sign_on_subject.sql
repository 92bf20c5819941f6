-- Which account at the identity provider an agent is: the provider's issuer and its subject ("sub"),
-- stored at the agent's first sign-in through it and matched afterwards. The subject never changes at
-- the provider while the email may, and may then be given to someone else: matching by email alone
-- would lock the agent out or let the other account in. One subject per agent and provider.
create table agents.single_sign_on_subject (
    issuer    text        not null,
    subject   text        not null,
    agent_id  uuid        not null references agents.agent (id),
    linked_at timestamptz not null,
    primary key (issuer, subject),
    unique (agent_id, issuer)
);
