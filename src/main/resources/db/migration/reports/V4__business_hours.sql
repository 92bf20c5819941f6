-- First response and resolution in business hours too: the open time of the calendar of the case's
-- SLA policy (wall-clock time when no policy matches). Rows written before are filled by a rebuild.
alter table reports.case_fact
    add column first_response_business_secs bigint,
    add column resolution_business_secs bigint;
