package dev.casekeeper.portal;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.cases.InboundMessage;
import dev.casekeeper.cases.Received;
import dev.casekeeper.cases.Sender;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.followups.Followup;
import dev.casekeeper.followups.FollowupManagement;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.shared.Slice;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's cases as the customer sees them: only their own, found by number, with the public
 * part of the timeline (their messages and the replies to them; never notes, events or what anyone
 * else wrote on the case) and the promises made to them. A case of someone else is not found, as a
 * case that does not exist.
 */
@Service
@Transactional
class PortalCases {

    /** How many cases a page of "My requests" shows, newest first; older ones are on the next page. */
    static final int PAGE = 50;

    static final int MAX_REPLY = 20_000;

    /** A promise made to the customer, and by when. */
    record Promise(String text, Instant dueAt) {}

    /** A row of "My requests". */
    record Row(
            long number,
            String subject,
            CaseStatus status,
            @Nullable String ownerFirstName,
            Instant updatedAt,
            List<Promise> promises) {

        /** The message key of the status in plain words. */
        public String statusKey() {
            return "portal.status." + status.value();
        }
    }

    /** One message of the public timeline: the customer's own (with the files she attached), or a reply with the agent's first name. */
    record Message(
            boolean fromCustomer,
            @Nullable String agentFirstName,
            String text,
            Instant at,
            List<WebFacts.Attachment> files) {}

    /** A case page: its row and its public timeline, oldest first. */
    record Page(Row row, List<Message> messages) {}

    private final CaseLookup lookup;
    private final CaseIntake intake;
    private final FollowupManagement followups;
    private final AgentManagement agents;
    private final PortalLinkSettings links;
    private final CustomerManagement customers;
    private final PortalAttachments attachments;

    PortalCases(
            CaseLookup lookup,
            CaseIntake intake,
            FollowupManagement followups,
            AgentManagement agents,
            PortalLinkSettings links,
            CustomerManagement customers,
            PortalAttachments attachments) {
        this.lookup = lookup;
        this.intake = intake;
        this.followups = followups;
        this.agents = agents;
        this.links = links;
        this.customers = customers;
        this.attachments = attachments;
    }

    private static List<WebFacts.Attachment> files(dev.casekeeper.cases.TimelineEntry entry) {
        return entry.facts() instanceof WebFacts web ? web.attachments() : List.of();
    }

    /**
     * A page of "My requests", newest first, after the cursor of the page before (null: the first);
     * a cursor that is not one of ours is refused as invalid input.
     */
    @Transactional(readOnly = true)
    Slice<Row> mine(CustomerId customer, @Nullable String cursor, int limit) {
        var cases = lookup.ofRequester(customer, cursor, limit);
        return new Slice<>(rows(cases.items()), cases.nextCursor());
    }

    @Transactional(readOnly = true)
    Page page(CustomerId customer, long number) {
        var kase = own(customer, number);
        // Her messages may be signed by a record merged into hers since.
        var hers = customers.records(customer).stream().map(CustomerId::value).toList();
        var timeline = lookup.detail(kase.id()).timeline().stream()
                .filter(entry -> (entry.kind() == EntryKind.MESSAGE_IN
                                && entry.author().kind() == Actor.Kind.CUSTOMER
                                && hers.contains(entry.author().id()))
                        || entry.kind() == EntryKind.MESSAGE_OUT)
                .filter(entry -> entry.bodyText() != null)
                .toList();
        var names = firstNames(timeline.stream()
                .filter(entry ->
                        entry.kind() == EntryKind.MESSAGE_OUT && entry.author().id() != null)
                .map(entry -> new AgentId(entry.author().id()))
                .toList());
        var messages = timeline.stream()
                .map(entry -> entry.kind() == EntryKind.MESSAGE_IN
                        ? new Message(true, null, entry.bodyText(), entry.createdAt(), files(entry))
                        : new Message(
                                false,
                                entry.author().id() == null
                                        ? null
                                        : names.get(new AgentId(entry.author().id())),
                                entry.bodyText(),
                                entry.createdAt(),
                                List.of()))
                .toList();
        return new Page(rows(List.of(kase)).getFirst(), messages);
    }

    /**
     * Adds the customer's reply to their case through the one way in for customer messages; a reply
     * to a closed case, or to one solved longer ago than {@code casekeeper.portal.reopen-period},
     * opens a follow-up case. The number of the case it landed on.
     */
    long reply(CustomerId customer, long number, String body) {
        return reply(customer, number, body, List.of());
    }

    /**
     * The same, with files she attached: checked (count, size, the type sniffed from the bytes) before
     * anything is written, stored with the message on the case it lands on.
     *
     * @throws dev.casekeeper.cases.FileRefused when a file is refused; nothing is written then
     */
    long reply(CustomerId customer, long number, String body, List<PortalAttachments.Upload> uploads) {
        String text = body.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("body", "write your message");
        }
        if (text.length() > MAX_REPLY) {
            throw new InvalidInputException("body", "must be at most " + MAX_REPLY + " characters");
        }
        var kase = own(customer, number);
        var files = PortalAttachments.check(uploads);
        var message = InboundMessage.forCase(kase.id(), text, Channel.WEB, Actor.customer(customer.value()));
        if (!files.isEmpty()) {
            message = message.withFacts(new WebFacts(
                    files.stream().map(PortalAttachments.Checked::attachment).toList()));
        }
        Received received = intake.receive(message, Sender.customer(customer), links.reopenPeriod());
        attachments.store(received.summary().id(), received.entryId(), customer, files);
        return received.summary().number();
    }

    /** A case as its row shows it: for the page reached by a signed status link. */
    @Transactional(readOnly = true)
    Row row(CaseSummary kase) {
        return rows(List.of(kase)).getFirst();
    }

    /** The customer's case with this number; anybody else's is not found, like a number nobody has. */
    CaseSummary own(CustomerId customer, long number) {
        return lookup.byNumber(number)
                .filter(kase -> kase.requesterId().equals(customer))
                .orElseThrow(() -> new NotFoundException("Case", "#" + number));
    }

    private List<Row> rows(List<CaseSummary> cases) {
        var promises = followups
                .openPromises(cases.stream().map(CaseSummary::id).toList())
                .stream()
                .collect(Collectors.groupingBy(Followup::caseId));
        var owners = firstNames(cases.stream()
                .map(CaseSummary::ownerId)
                .filter(Objects::nonNull)
                .toList());
        return cases.stream()
                .map(kase -> new Row(
                        kase.number(),
                        kase.subject(),
                        kase.status(),
                        kase.ownerId() == null ? null : owners.get(kase.ownerId()),
                        kase.updatedAt(),
                        promises.getOrDefault(kase.id(), List.<Followup>of()).stream()
                                .map(p -> new Promise(p.text(), p.dueAt()))
                                .toList()))
                .toList();
    }

    /** Agents' first names only: a customer learns who helps them, not the whole name. */
    private Map<AgentId, String> firstNames(Collection<AgentId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return agents.names(ids.stream().distinct().toList()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> firstName(e.getValue())));
    }

    static String firstName(String name) {
        String stripped = name.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }

    /** A time as the portal shows it, in UTC: the customer's zone is not known. */
    static String format(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .withZone(ZoneOffset.UTC)
                        .format(at)
                + " UTC";
    }
}
