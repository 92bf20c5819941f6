package dev.casekeeper.knowledge;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import dev.casekeeper.shared.InvalidInputException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base on the case page: articles suggested from the case's subject and latest customer
 * message, searched from the reply box, marked as having helped solve the case (on its timeline), or
 * flagged as out of date (its owner is told). A case the agent may not see is not found.
 */
@Service
@Transactional
public class CaseKnowledge {

    static final String FLAGGED = "article_flagged_outdated";
    static final int MAX_NOTE = 1_000;

    private static final Logger log = LoggerFactory.getLogger(CaseKnowledge.class);

    private final ArticleQueries articles;
    private final MarkQueries marks;
    private final CaseLookup lookup;
    private final CaseManagement cases;
    private final NotificationManagement notifications;
    private final Clock clock;

    CaseKnowledge(
            ArticleQueries articles,
            MarkQueries marks,
            CaseLookup lookup,
            CaseManagement cases,
            NotificationManagement notifications,
            Clock clock) {
        this.articles = articles;
        this.marks = marks;
        this.lookup = lookup;
        this.cases = cases;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Published articles for the case: those matching {@code q} when the agent typed something, else
     * those sharing the most words with the subject and the latest customer message.
     */
    @Transactional(readOnly = true)
    public List<Article> suggestions(long caseNumber, @Nullable String q, SignedInAgent agent, int limit) {
        var detail = lookup.findByNumber(caseNumber, agent);
        String query = q != null && !q.isBlank() ? SearchText.query(q) : SearchText.anyWord(context(detail));
        if (query == null) {
            return List.of();
        }
        return articles.list(query, ArticleState.PUBLISHED.value(), limit);
    }

    /** The articles already marked as having helped solve the case. */
    @Transactional(readOnly = true)
    public Set<UUID> helped(long caseNumber, SignedInAgent agent) {
        var detail = lookup.findByNumber(caseNumber, agent);
        return marks.helped(detail.summary().id().value());
    }

    /** Records on the case's timeline that the article helped solve it; a second time changes nothing. */
    public void markHelped(ArticleId id, long caseNumber, SignedInAgent agent) {
        markHelped(id, lookup.findByNumber(caseNumber, agent), agent);
    }

    /** {@link #markHelped(ArticleId, long, SignedInAgent)} for a case known by its id. */
    public void markHelped(ArticleId id, CaseId caseId, SignedInAgent agent) {
        markHelped(id, lookup.find(caseId, agent), agent);
    }

    /** {@link #flagOutdated(ArticleId, long, String, SignedInAgent)} for a case known by its id. */
    public void flagOutdated(ArticleId id, CaseId caseId, @Nullable String note, SignedInAgent agent) {
        flagOutdated(id, lookup.find(caseId, agent), note, agent);
    }

    /** Flags the article as out of date from the case, and tells its owner. */
    public void flagOutdated(ArticleId id, long caseNumber, @Nullable String note, SignedInAgent agent) {
        flagOutdated(id, lookup.findByNumber(caseNumber, agent), note, agent);
    }

    private void markHelped(ArticleId id, CaseDetail detail, SignedInAgent agent) {
        var article = articles.find(id.value()).orElseThrow(() -> KnowledgeManagement.notFound(id));
        var caseId = detail.summary().id();
        if (marks.insert(id.value(), caseId.value(), "helped", agent.id().value(), "", clock.instant())) {
            cases.recordEvent(
                    caseId,
                    agent.actor(),
                    new TimelineEvent.ArticleHelped(id.value(), article.number(), article.title()));
            log.info("Case {}: article {} helped solve it, says agent {}", caseId, id, agent.id());
        }
    }

    private void flagOutdated(ArticleId id, CaseDetail detail, @Nullable String note, SignedInAgent agent) {
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "must be at most " + MAX_NOTE + " characters long");
        }
        var article = articles.find(id.value()).orElseThrow(() -> KnowledgeManagement.notFound(id));
        var caseId = detail.summary().id();
        UUID mark = UUID.randomUUID();
        marks.insert(id.value(), caseId.value(), "outdated", agent.id().value(), text, clock.instant(), mark);
        notifications.notify(Notify.of(
                Set.of(new AgentId(article.ownerId())),
                FLAGGED,
                caseId.value(),
                "%s flagged the article \"%s\" as out of date from case #%d%s"
                        .formatted(
                                agent.name(),
                                article.title(),
                                detail.summary().number(),
                                text.isEmpty() ? "" : ": " + text),
                "knowledge:" + id + ":outdated:" + mark));
        log.info("Case {}: article {} flagged as out of date by agent {}", caseId, id, agent.id());
    }

    /** The subject and the latest message from the customer. */
    private static String context(CaseDetail detail) {
        String latest = detail.timeline().stream()
                .filter(entry -> entry.kind() == EntryKind.MESSAGE_IN && entry.bodyText() != null)
                .max(Comparator.comparing(dev.casekeeper.cases.TimelineEntry::createdAt))
                .map(dev.casekeeper.cases.TimelineEntry::bodyText)
                .orElse("");
        return detail.summary().subject() + " " + latest;
    }
}
