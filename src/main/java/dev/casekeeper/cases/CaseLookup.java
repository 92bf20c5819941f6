package dev.casekeeper.cases;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.shared.Cursor;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.shared.Slice;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading cases: for an agent, only what they may see ({@code find}, {@code search}, {@code list});
 * for the modules reacting to a case's events, as the system ({@code detail}, {@code outline},
 * {@code entry}, {@code summary}).
 */
@Service
@Transactional(readOnly = true)
public class CaseLookup {

    /** A search by name or email looks at this many of the best-matching customers. */
    private static final int MATCHING_CUSTOMERS = 200;

    private final CaseQueries cases;
    private final TimelineQueries entries;
    private final CaseSearchQueries searches;
    private final TimelineJson json;
    private final TimelineAuthors authors;
    private final CustomerManagement customers;
    private final CustomPlans plans;
    private final Clock clock;

    CaseLookup(
            CaseQueries cases,
            TimelineQueries timeline,
            CaseSearchQueries searches,
            TimelineJson json,
            TimelineAuthors authors,
            CustomerManagement customers,
            CustomPlans plans,
            Clock clock) {
        this.cases = cases;
        this.entries = timeline;
        this.searches = searches;
        this.json = json;
        this.authors = authors;
        this.customers = customers;
        this.plans = plans;
        this.clock = clock;
    }

    /** A case with its timeline, authors named, if the viewer may see it. */
    public CaseDetail find(CaseId id, SignedInAgent viewer) {
        var kase = CaseVisibility.visible(cases.find(id.value()).orElse(null), viewer, id);
        return detail(kase, true);
    }

    /** A case by the number people say on the phone; unknown or not visible to the viewer is not found. */
    public CaseDetail findByNumber(long number, SignedInAgent viewer) {
        var id = cases.findIdByNumber(number).orElseThrow(() -> new NotFoundException("Case", "#" + number));
        try {
            return find(new CaseId(id), viewer);
        } catch (NotFoundException e) {
            throw new NotFoundException("Case", "#" + number);
        }
    }

    /**
     * Whether the viewer may open the case. For what names another case beside the one on screen (an
     * earlier contact, the case a follow-up continues): a case the viewer may not open is not named,
     * since its id, number or times would tell them what its 404 does not.
     */
    public boolean visibleTo(CaseId id, SignedInAgent viewer) {
        return cases.find(id.value())
                .map(kase -> CaseVisibility.canSee(kase, viewer))
                .orElse(false);
    }

    /** One page of a workspace view, filtered, searched and sorted; only cases the viewer may see. */
    public CasePage search(CaseSearch search, SignedInAgent viewer) {
        plans.forThisTransaction();
        Set<UUID> matching = search.q() == null || search.q().isBlank() ? Set.of() : customersMatching(search.q());
        var found = searches.search(search, CaseVisibility.of(viewer), matching, clock.instant());
        var snippets = new java.util.HashMap<CaseId, Snippet>();
        if (search.q() != null && !search.q().isBlank()) {
            searches.snippets(
                            search.q().strip(),
                            found.cases().stream().map(c -> c.id).toList())
                    .forEach((id, snippet) -> snippets.put(new CaseId(id), snippet));
        }
        return new CasePage(
                found.cases().stream().map(Case::summary).toList(),
                found.total(),
                found.page(),
                search.size(),
                found.next(),
                found.previous(),
                snippets);
    }

    /** How many cases each view holds for the viewer right now, up to one past {@link CasePage#COUNT_CAP}. */
    public Map<CaseView, Long> viewCounts(SignedInAgent viewer) {
        plans.forThisTransaction();
        return searches.counts(CaseVisibility.of(viewer), clock.instant());
    }

    /**
     * Cases the viewer may see, newest first, one page at a time; {@code filter.q()} finds what the
     * workspace's search finds.
     */
    public Slice<CaseSummary> list(CaseFilter filter, SignedInAgent viewer, @Nullable String cursor, int limit) {
        var visibility = CaseVisibility.of(viewer);
        plans.forThisTransaction();
        var text = filter.q() == null || filter.q().isBlank()
                ? null
                : searches.text(filter.q().strip(), visibility, customersMatching(filter.q()));
        var rows = cases.list(filter, visibility, text, cursor == null ? null : Cursor.decode(cursor), limit + 1);
        var page = rows.stream().limit(limit).map(Case::summary).toList();
        String next = rows.size() > limit
                ? new Cursor(page.getLast().createdAt(), page.getLast().id().value()).encode()
                : null;
        return new Slice<>(page, next);
    }

    /**
     * Every case created before an instant, newest first, one page at a time, whoever may see it:
     * for work the desk does on its own (reports' scheduled reconcile of its facts). No access
     * check: callers show no case. The first page starts at {@code createdBefore} by the cases'
     * creation index, so a rebuild of old days does not read the newer history first.
     */
    public Slice<CaseSummary> everyCase(Instant createdBefore, @Nullable String cursor, int limit) {
        var everything = new CaseQueries.Visibility(true, null, java.util.Set.of());
        var after = cursor == null ? new Cursor(createdBefore, new UUID(-1L, -1L)) : Cursor.decode(cursor);
        var rows = cases.list(CaseFilter.none(), everything, null, after, limit + 1);
        var page = rows.stream().limit(limit).map(Case::summary).toList();
        String next = rows.size() > limit
                ? new Cursor(page.getLast().createdAt(), page.getLast().id().value()).encode()
                : null;
        return new Slice<>(page, next);
    }

    /** Who owned the case when: every assignment and transfer, oldest first. */
    public List<OwnerChange> owners(CaseId id, SignedInAgent viewer) {
        CaseVisibility.visible(cases.find(id.value()).orElse(null), viewer, id);
        return entries
                .timeline(
                        id.value(),
                        Set.of(
                                TimelineJson.typeOf(TimelineEvent.Assigned.class),
                                TimelineJson.typeOf(TimelineEvent.Transferred.class)))
                .stream()
                .map(json::entry)
                .map(Handovers::ownerChange)
                .flatMap(Optional::stream)
                .toList();
    }

    /** Every recorded change of the case, oldest first. */
    public List<CaseChange> history(CaseId id, SignedInAgent viewer) {
        CaseVisibility.visible(cases.find(id.value()).orElse(null), viewer, id);
        return cases.history(id.value());
    }

    /**
     * A case with its timeline, without a viewer and without authors' names: for modules reacting to
     * the case's events as the system (checking a reply, drafting a handover). Callers acting for an
     * agent use {@link #find(CaseId, SignedInAgent)}, which applies what the agent may see.
     */
    public CaseDetail detail(CaseId id) {
        return detail(cases.find(id.value()).orElseThrow(() -> new NotFoundException("Case", id)), false);
    }

    /**
     * {@link #detail(CaseId)} as listeners need it, at a fraction of the cost: every entry with its
     * kind, author, time, text and event; without the HTML of messages, the channels' facts (but for
     * Casekeeper's own replies, so clocks can tell an {@link AutomatedReply}) and deliveries. For working out clocks, scores and repeat contacts after every message; read once
     * per transaction until it changes a case.
     */
    public CaseDetail outline(CaseId id) {
        return TransactionOutlines.get(id.value(), () -> {
            var kase = cases.find(id.value()).orElseThrow(() -> new NotFoundException("Case", id));
            var timeline = entries.outline(id.value()).stream().map(json::entry).toList();
            return new CaseDetail(kase.summary(), Handovers.latest(timeline), timeline);
        });
    }

    /**
     * {@link #outline(CaseId)} read from the database now, not the one kept for this transaction: for
     * a reaction that has just waited for another transaction changing the same case to commit, and
     * must see what that one wrote (reports, ADR 0021).
     */
    public CaseDetail currentOutline(CaseId id) {
        TransactionOutlines.forget();
        return outline(id);
    }

    /** One entry of a case, with its author's name; a listener reacting to a message reads just that. */
    public TimelineEntry entry(CaseId id, UUID entryId) {
        var rows = entries.entry(id.value(), entryId);
        if (rows.isEmpty()) {
            throw new NotFoundException("Timeline entry", entryId);
        }
        return authors.named(rows.stream().map(json::entry).toList()).getFirst();
    }

    /**
     * Whether an admin deleted the case, waiting for a deletion in progress to end. A module that acts
     * on a case after its change committed (sending a reply, a forward) asks this first, in its own
     * transaction: the case's row stays key-share locked to the end of it, so a deletion cannot run
     * between the question and what the module writes (and then erase nothing of it). Ordinary changes
     * of the case do not wait for that lock.
     */
    public boolean deletedHolding(CaseId id) {
        return cases.removedHolding(id.value()).filter("deleted"::equals).isPresent();
    }

    /** A case without its timeline, as the system; for modules that need only its facts. */
    public CaseSummary summary(CaseId id) {
        return byId(id).orElseThrow(() -> new NotFoundException("Case", id));
    }

    /** A case without its timeline, by id, if there is one; no visibility check. */
    public Optional<CaseSummary> byId(CaseId id) {
        return cases.find(id.value()).map(Case::summary);
    }

    /** A case by its number, for channels that thread by it (a subject tag); no visibility check. */
    public Optional<CaseSummary> byNumber(long number) {
        return cases.findIdByNumber(number).flatMap(cases::find).map(Case::summary);
    }

    /**
     * The customer's latest cases, newest first, without an access check: for modules that react to
     * case events (a repeat contact looks at the customer's earlier cases).
     */
    public List<CaseSummary> ofRequester(CustomerId requester, int limit) {
        var filter = new CaseFilter(null, null, null, null, requester, null);
        return cases.list(filter, new CaseQueries.Visibility(true, null, Set.of()), null, null, limit).stream()
                .map(Case::summary)
                .toList();
    }

    /**
     * The customer's cases, newest first, a page at a time: for the customer's own API. The cursor is
     * one this method returned; a tampered one is refused as invalid input.
     */
    public Slice<CaseSummary> ofRequester(CustomerId requester, @Nullable String cursor, int limit) {
        var filter = new CaseFilter(null, null, null, null, requester, null);
        var rows = cases.list(
                filter,
                new CaseQueries.Visibility(true, null, Set.of()),
                null,
                cursor == null ? null : Cursor.decode(cursor),
                limit + 1);
        var page = rows.stream().limit(limit).map(Case::summary).toList();
        String next = rows.size() > limit
                ? new Cursor(page.getLast().createdAt(), page.getLast().id().value()).encode()
                : null;
        return new Slice<>(page, next);
    }

    /**
     * Every case these customer records asked for, without an access check or a limit: for modules
     * that keep data about a customer beside her cases and erase it with hers.
     */
    public List<CaseId> idsOfRequesters(Set<CustomerId> requesters) {
        if (requesters.isEmpty()) {
            return List.of();
        }
        return cases.idsOfRequesters(requesters.stream().map(CustomerId::value).toList()).stream()
                .map(CaseId::new)
                .toList();
    }

    /**
     * The timeline entries of the messages these customer records wrote, on any case: for channels
     * that keep the raw message beside its entry and erase it when the customer's data is erased.
     */
    public List<UUID> messagesFrom(Set<CustomerId> customers) {
        return entries.messagesFrom(customers.stream().map(CustomerId::value).toList());
    }

    private Set<UUID> customersMatching(String q) {
        return customers.matching(q.strip(), MATCHING_CUSTOMERS).stream()
                .map(CustomerId::value)
                .collect(Collectors.toSet());
    }

    /** A case with its timeline and authors' names, without a viewer: for the one who just changed it. */
    CaseDetail named(CaseId id) {
        return detail(cases.find(id.value()).orElseThrow(() -> new NotFoundException("Case", id)), true);
    }

    private CaseDetail detail(Case kase, boolean named) {
        // A person reading a case sees the duplicates merged into it; listeners read its own entries.
        var rows = named ? entries.timelineWithMerged(kase.id) : entries.timeline(kase.id, null);
        var timeline = rows.stream().map(json::entry).toList();
        if (named) {
            timeline = authors.named(timeline);
        }
        return new CaseDetail(kase.summary(), Handovers.latest(timeline), timeline);
    }
}
