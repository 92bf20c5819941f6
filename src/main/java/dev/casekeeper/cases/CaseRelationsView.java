package dev.casekeeper.cases;

import java.util.List;

/**
 * What a case is merged with and linked to, as one viewer may see it: a merge or link with a case
 * the viewer may not open is left out, as that case's 404 would be.
 */
public record CaseRelationsView(List<CaseMerge> merges, List<CaseLink> links) {}
