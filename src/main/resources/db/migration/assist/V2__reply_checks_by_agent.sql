-- An agent's (or a team's agents') checked replies over some weeks, for the coaching trend
-- (docs/coaching.md): a range of each agent's entries instead of a scan of every reply ever checked.
create index reply_check_agent on assist.reply_check (agent_id, checked_at);
