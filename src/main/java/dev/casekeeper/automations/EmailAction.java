package dev.casekeeper.automations;

import dev.casekeeper.cases.AutomatedReply;
import dev.casekeeper.cases.CaseAutomation;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.macros.MacroId;
import dev.casekeeper.macros.MacroManagement;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@code send_email} action: a reply to the customer written from a template, filled in for the
 * case when the automation runs ({@code {{customer.name}}}, {@code {{case.number}}}, … as in canned
 * responses). The value is the template's text, or {@code macro:<id>} for a canned response's text as
 * it reads when the email goes out. The reply goes the way an agent's does (threaded, from the case's
 * mailbox) but always by email: on a case from another channel, to the customer's email address, and
 * not at all to a customer without one.
 */
@Component
class EmailAction {

    static final String TYPE = "send_email";
    static final String MACRO = "macro:";

    private final MacroManagement macros;
    private final CaseAutomation cases;
    private final CaseLookup lookup;
    private final CustomerFacts customers;

    EmailAction(MacroManagement macros, CaseAutomation cases, CaseLookup lookup, CustomerFacts customers) {
        this.macros = macros;
        this.cases = cases;
        this.lookup = lookup;
        this.customers = customers;
    }

    /** What is wrong with the value, or null. */
    @Nullable
    String problem(String value) {
        if (value.isBlank()) {
            return "must be the email's text (placeholders such as {{customer.name}} allowed) or macro:<id> of a"
                    + " canned response";
        }
        if (value.startsWith(MACRO)) {
            try {
                macros.find(macroId(value));
                return null;
            } catch (IllegalArgumentException e) {
                return "macro:<id> must name a canned response by its id";
            } catch (NotFoundException e) {
                return "no canned response has this id";
            }
        }
        if (value.length() > AutomationManagement.MAX_VALUE) {
            return "must be at most " + AutomationManagement.MAX_VALUE
                    + " characters long; a longer text can be a canned response (macro:<id>)";
        }
        try {
            macros.checkText(value);
            return null;
        } catch (InvalidInputException e) {
            return e.fieldErrors().values().iterator().next();
        }
    }

    /**
     * Sends the email on the case; answers what the timeline's record of the run says: {@code email},
     * {@code email_not_sent=…} when it could not go, or null when the case is closed.
     */
    @Nullable
    String send(Automation automation, String value, CaseId caseId) {
        var kase = lookup.summary(caseId);
        String emailTo = null;
        if (kase.channel() != Channel.EMAIL) {
            emailTo = customers.email(kase.requesterId());
            if (emailTo == null) {
                return "email_not_sent=no email address";
            }
        }
        String template = template(value);
        if (template == null) {
            return "email_not_sent=no canned response " + value.substring(MACRO.length());
        }
        var text = macros.renderUnattended(template, caseId);
        return cases.reply(
                        caseId,
                        text.text(),
                        text.html(),
                        emailTo,
                        new AutomatedReply(automation.id(), automation.name()))
                .map(entry -> "email")
                .orElse(null);
    }

    /** The text the automation's first email would say to the customer of the case now; null when it sends none. */
    @Nullable
    String preview(Automation automation, CaseSummary kase) {
        var action = automation.actions().stream()
                .filter(a -> a.type().equals(TYPE))
                .findFirst()
                .orElse(null);
        if (action == null
                || action.value() == null
                || (kase.channel() != Channel.EMAIL && customers.email(kase.requesterId()) == null)) {
            return null;
        }
        String template = template(action.value());
        return template == null
                ? null
                : macros.renderUnattended(template, kase.id()).text();
    }

    /** The template's text: the value, or the canned response's text (null when it was removed since). */
    private @Nullable String template(String value) {
        if (!value.startsWith(MACRO)) {
            return value;
        }
        try {
            return macros.find(macroId(value)).body();
        } catch (NotFoundException | IllegalArgumentException e) {
            return null;
        }
    }

    private static MacroId macroId(String value) {
        return new MacroId(UUID.fromString(value.substring(MACRO.length()).strip()));
    }
}
