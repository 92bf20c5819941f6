-- An action waiting for an approval can be withdrawn by its proposer, a supervisor or an admin;
-- decided_by and decided_at then say who withdrew it, and when.
alter table actions.action drop constraint action_state_check;
alter table actions.action add constraint action_state_check check (state in ('awaiting_approval', 'running', 'done',
                                                                               'failed', 'declined', 'withdrawn'));
