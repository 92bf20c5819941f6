package dev.casekeeper.assist;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.EntryKind;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the tone of every reply an agent sent and keeps the findings for coaching. They are
 * never shown to the customer. Runs once per reply, like the scoring of customer messages.
 */
@Service
class ReplyCoaching {

    private final CaseLookup cases;
    private final Customers customers;
    private final Detectors detectors;
    private final AssistQueries queries;
    private final Clock clock;

    ReplyCoaching(CaseLookup cases, Customers customers, Detectors detectors, AssistQueries queries, Clock clock) {
        this.cases = cases;
        this.customers = customers;
        this.detectors = detectors;
        this.queries = queries;
        this.clock = clock;
    }

    @Transactional
    public void check(CaseId caseId, UUID entryId, AgentId author) {
        var detail = cases.outline(caseId);
        var timeline = detail.timeline();
        int index = 0;
        while (index < timeline.size() && !timeline.get(index).id().equals(entryId)) {
            index++;
        }
        if (index == timeline.size()
                || timeline.get(index).kind() != EntryKind.MESSAGE_OUT
                || timeline.get(index).bodyText() == null) {
            return;
        }
        var before = timeline.subList(0, index);
        var language = detectors.language(customers.languageOf(detail.summary().requesterId()));
        var last = CaseContexts.lastCustomerMessage(before);
        var level = last == null || last.bodyText() == null
                ? null
                : detectors
                        .scorer(language)
                        .score(last.bodyText(), CaseContexts.before(detail, last.id()))
                        .level();
        var findings = detectors
                .checker(language)
                .check(timeline.get(index).bodyText(), CaseContexts.customerMessages(before), level);
        var now = clock.instant();
        if (queries.insertReplyCheck(entryId, caseId.value(), author.value(), findings.size(), now)) {
            findings.forEach(finding -> queries.insertFinding(entryId, caseId.value(), author.value(), finding, now));
        }
    }
}
