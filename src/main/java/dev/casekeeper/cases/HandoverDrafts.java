package dev.casekeeper.cases;

import dev.casekeeper.customers.Customer;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.DeclaredField;
import dev.casekeeper.customers.IdentityKind;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A first draft of a handover summary, gathered from the timeline so the next agent never makes
 * the customer repeat themselves: who they are, what they asked, the numbers and keys they gave,
 * what they already tried, and what we last told them. Every form that hands a case or a live
 * contact on (a transfer, a colleague invited) starts from it; the agent edits it before sending.
 */
@Component
public class HandoverDrafts {

    static final int MAX_LENGTH = 4000;

    /** Order, invoice, account and similar references; keys like ABCD-1234-EFGH; amounts; phones; emails. */
    private static final List<Pattern> FACTS = List.of(
            Pattern.compile("(?i)\\b(?:order|invoice|account|ticket|reference|ref|tracking|serial|receipt|booking)"
                    + "\\s*(?:no\\.?|number|#)?\\s*[:#]?\\s*[A-Z0-9][A-Z0-9-]{3,}\\b"),
            Pattern.compile("#\\d{3,}\\b"),
            Pattern.compile("\\b[A-Z0-9]{4,6}(?:-[A-Z0-9]{4,6}){2,}\\b"),
            Pattern.compile("[$€£]\\s?\\d[\\d,]*(?:\\.\\d{2})?"),
            Pattern.compile("\\+?\\d[\\d ().-]{7,}\\d"),
            Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"));

    /** Sentences that say what the customer already did: the next agent must not ask them again. */
    private static final Pattern TRIED = Pattern.compile(
            "(?i)\\b(tried|already|checked|searched|sorted through|restarted|rebooted|reinstalled|reset|"
                    + "called|went to|found|changed|cleared|updated|returned|sent)\\b");

    private final MessageSource messages;
    private final CustomerManagement customers;

    HandoverDrafts(MessageSource messages, CustomerManagement customers) {
        this.messages = messages;
        this.customers = customers;
    }

    /** The draft for a case the caller has already read (and may see). */
    public String draft(CaseDetail detail) {
        return draft(detail, customers.find(detail.summary().requesterId()));
    }

    /** The draft, for a caller who has the case's requester at hand already. */
    public String draft(CaseDetail detail, Customer customer) {
        var lines = new ArrayList<String>();
        lines.add(
                text("handover.draft.customer", who(customer), detail.summary().subject()));
        var said = detail.timeline().stream()
                .filter(e -> e.kind() == EntryKind.MESSAGE_IN)
                .toList();
        if (!said.isEmpty()) {
            lines.add(text("handover.draft.asked", shorten(firstSentences(body(said.getFirst()), 2), 400)));
        }
        var facts = new LinkedHashSet<String>();
        var tried = new LinkedHashSet<String>();
        for (var message : said) {
            String body = body(message);
            for (var pattern : FACTS) {
                pattern.matcher(body).results().map(m -> m.group().strip()).forEach(facts::add);
            }
            for (String sentence : sentences(body)) {
                if (TRIED.matcher(sentence).find()) {
                    tried.add(shorten(sentence, 240));
                }
            }
        }
        facts.removeAll(ownAddresses(customer));
        if (!facts.isEmpty()) {
            lines.add(text(
                    "handover.draft.facts",
                    String.join("; ", facts.stream().limit(12).toList())));
        }
        if (!tried.isEmpty()) {
            lines.add(text("handover.draft.tried"));
            tried.stream().limit(6).forEach(sentence -> lines.add("- " + sentence));
        }
        var replies = detail.timeline().stream()
                .filter(e -> e.kind() == EntryKind.MESSAGE_OUT)
                .toList();
        if (!replies.isEmpty()) {
            lines.add(text("handover.draft.lastReply", shorten(body(replies.getLast()), 300)));
        }
        lines.add(text(
                "handover.draft.state",
                text("status." + detail.summary().status().value()),
                text("priority." + detail.summary().priority().value()),
                said.size()));
        return shorten(String.join("\n", lines), MAX_LENGTH);
    }

    private String who(Customer customer) {
        var name = new StringBuilder(customer.displayName());
        DeclaredField pronouns = customer.fields().get("pronouns");
        if (pronouns != null) {
            name.append(" (").append(pronouns.value()).append(")");
        }
        DeclaredField channel = customer.fields().get("preferredChannel");
        if (channel != null) {
            name.append(", ").append(text("handover.draft.prefers", channel.value()));
        }
        return name.toString();
    }

    private static Set<String> ownAddresses(Customer customer) {
        var own = new LinkedHashSet<String>();
        customer.identities().stream()
                .filter(i -> i.kind() == IdentityKind.EMAIL)
                .forEach(i -> own.add(i.value()));
        return own;
    }

    private static String body(TimelineEntry entry) {
        return entry.bodyText() == null
                ? ""
                : entry.bodyText().replaceAll("\\s+", " ").strip();
    }

    private static List<String> sentences(String text) {
        var iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(text);
        var result = new ArrayList<String>();
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                result.add(sentence);
            }
        }
        return result;
    }

    private static String firstSentences(String text, int count) {
        return String.join(" ", sentences(text).stream().limit(count).toList());
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }

    private String text(String key, @Nullable Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
