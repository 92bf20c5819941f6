package dev.casekeeper.channels.email;

import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.channels.email.parse.ParsedMessage;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which case a message belongs to. In order: its In-Reply-To and References against the Message-IDs
 * Casekeeper received or sent; for a delivery report, the Message-ID of the original it returns; a
 * reply token in a recipient address ({@code support+<token>@…}); the case tag in the subject
 * ({@code [#1042]}). A token or tag is visible to anyone who saw the mail, so it threads only a
 * message from the case's customer or someone copied on the case; anyone else gets a new case, and
 * nobody writes into someone else's case by copying its number. A Message-ID can be copied too: a
 * message threaded by its references from anybody else joins the case marked as from an outsider,
 * and its sender and the people it copies are never made recipients of the case's replies. A From
 * listing several addresses is on the case only when every one of them is. An answer to a forward
 * (by its Message-ID, its own reply token or the subject tag) threads only from the people it was
 * forwarded to, who are never made recipients of the customer's replies.
 */
@Component
class Threading {

    static final Pattern CASE_TAG = Pattern.compile("\\[#(\\d{1,18})]");

    /**
     * The case found, or none (a new case), and how it was decided. {@code outsider}: the message
     * joins the case but is not from its customer or anyone copied on it.
     */
    record Decision(@Nullable CaseId caseId, String how, boolean outsider, boolean forwardAnswer) {

        Decision(@Nullable CaseId caseId, String how) {
            this(caseId, how, false, false);
        }

        Decision(@Nullable CaseId caseId, String how, boolean outsider) {
            this(caseId, how, outsider, false);
        }

        /** The answer of someone an agent forwarded the case to: it joins the case, they join nothing. */
        static Decision forwardAnswer(CaseId caseId, String how) {
            return new Decision(caseId, how, false, true);
        }
    }

    private final ThreadQueries threads;
    private final CaseLookup cases;
    private final CustomerManagement customers;
    private final ForwardQueries forwards;

    Threading(ThreadQueries threads, CaseLookup cases, CustomerManagement customers, ForwardQueries forwards) {
        this.threads = threads;
        this.cases = cases;
        this.customers = customers;
        this.forwards = forwards;
    }

    /**
     * @param authors every address the message claims to be from (From may list several; the sender first)
     * @param automatic whether it is automatic mail: a bounce comes from a server, never from the case's people
     */
    Decision resolve(
            ParsedMessage message,
            List<String> authors,
            boolean automatic,
            List<String> envelopeTo,
            MailboxRow mailbox) {
        var referenced = new LinkedHashSet<String>();
        if (message.inReplyTo() != null) {
            referenced.add(message.inReplyTo());
        }
        referenced.addAll(message.references().reversed());
        // An answer to a forward threads only from the people it was sent to, whoever else saw it.
        var forwarded = forwards.byMessageIds(referenced);
        if (forwarded.isPresent() && !automatic) {
            return forwarded.get().sentToAll(authors)
                    ? Decision.forwardAnswer(new CaseId(forwarded.get().caseId()), "answer to a forward")
                    : new Decision(null, "references a forward, from someone it was not sent to");
        }
        var byReference = threads.caseOfMessageIds(referenced);
        if (byReference.isPresent()) {
            var kase = cases.summary(new CaseId(byReference.get()));
            boolean outsider = !automatic && !mayWriteInto(kase, authors);
            return new Decision(
                    kase.id(), outsider ? "references, from someone not on this case" : "references", outsider);
        }
        var byReport = threads.caseOfMessageIds(message.reportedMessageIds());
        if (byReport.isPresent()) {
            return new Decision(new CaseId(byReport.get()), "returned original");
        }
        for (String token : tokens(message, envelopeTo, mailbox)) {
            var forward = forwards.byToken(token);
            if (forward.isPresent()) {
                return forward.get().sentToAll(authors)
                        ? Decision.forwardAnswer(new CaseId(forward.get().caseId()), "answer to a forward")
                        : new Decision(null, "reply token of a forward the sender was not sent");
            }
            var byToken = threads.caseOfToken(token);
            if (byToken.isPresent()) {
                var kase = cases.summary(new CaseId(byToken.get()));
                if (mayWriteInto(kase, authors)) {
                    return new Decision(kase.id(), "reply token");
                }
                return new Decision(null, "reply token of a case the sender is not part of");
            }
        }
        Matcher tags = CASE_TAG.matcher(message.subject());
        String refused = null;
        while (tags.find()) {
            var kase = cases.byNumber(Long.parseLong(tags.group(1)));
            if (kase.isPresent() && mayWriteInto(kase.get(), authors)) {
                return new Decision(kase.get().id(), "subject tag");
            }
            if (kase.isPresent() && forwards.forwardedTo(kase.get().id().value(), authors)) {
                return Decision.forwardAnswer(kase.get().id(), "answer to a forward");
            }
            refused = kase.isPresent() ? "subject tag of a case the sender is not part of" : "subject tag of no case";
        }
        return new Decision(null, refused == null ? "new conversation" : refused);
    }

    /** Every author is the case's customer (any of their addresses) or someone copied on its mail. */
    boolean mayWriteInto(CaseSummary kase, List<String> authors) {
        return !authors.isEmpty()
                && authors.stream()
                        .allMatch(a -> isRequester(kase, a)
                                || threads.isParticipant(kase.id().value(), a));
    }

    boolean isRequester(CaseSummary kase, String sender) {
        Optional<dev.casekeeper.customers.Customer> customer;
        try {
            customer = customers.findByIdentity(IdentityKind.EMAIL, sender);
        } catch (RuntimeException e) {
            return false;
        }
        return customer.isPresent() && customer.get().id().equals(kase.requesterId());
    }

    private static List<String> tokens(ParsedMessage message, List<String> envelopeTo, MailboxRow mailbox) {
        var addresses = new ArrayList<>(envelopeTo);
        message.to().forEach(m -> addresses.add(m.address()));
        message.cc().forEach(m -> addresses.add(m.address()));
        var tokens = new LinkedHashSet<String>();
        for (String value : addresses) {
            var address = MailboxDirectory.Address.parse(value);
            if (address != null && address.token() != null && address.base().equals(mailbox.address())) {
                tokens.add(address.token());
            }
        }
        return List.copyOf(tokens);
    }
}
