package dev.casekeeper.followups;

import java.util.List;

/** A case's promises and check-ins, and the earlier cases it repeats. */
public record CaseFollowups(List<Followup> followups, List<RepeatContact> repeatContacts) {}
