-- An automation runs an action too: it has no agent, so proposed_by is empty and
-- proposed_by_automation names the automation (as it was named when it ran).
alter table actions.action alter column proposed_by drop not null;
alter table actions.action add column proposed_by_automation text;
alter table actions.action add constraint action_proposer
    check ((proposed_by is null) = (proposed_by_automation is not null));
