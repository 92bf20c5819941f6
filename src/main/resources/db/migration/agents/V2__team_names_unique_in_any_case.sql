-- Team names are compared without regard to case ("Billing" and "billing" are one team); the
-- database keeps that rule too, so two requests at the same moment cannot both add the name.
create unique index team_name_lower on agents.team (lower(name));
