package dev.casekeeper.workspace;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.customers.MergeManagement;
import dev.casekeeper.customers.SuggestionManagement;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * From the case's context panel, what an agent does about the requester's record beyond editing
 * it: suggest a change to what she declares (she answers in the portal), and propose merging
 * another record of hers (found by its email address or phone number) into this one.
 */
@Controller
class CustomerRecordController {

    private final CasePages pages;
    private final CaseScreen screen;
    private final CustomerManagement customers;
    private final SuggestionManagement suggestions;
    private final MergeManagement merges;
    private final MessageSource messages;

    CustomerRecordController(
            CasePages pages,
            CaseScreen screen,
            CustomerManagement customers,
            SuggestionManagement suggestions,
            MergeManagement merges,
            MessageSource messages) {
        this.pages = pages;
        this.screen = screen;
        this.customers = customers;
        this.suggestions = suggestions;
        this.merges = merges;
        this.messages = messages;
    }

    @PostMapping("/cases/{number}/customer/suggestions")
    String suggest(
            @PathVariable long number,
            @RequestParam(defaultValue = "") String field,
            @RequestParam(defaultValue = "") String value,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        var requester = pages.detail(number, me).summary().requesterId();
        try {
            suggestions.suggest(requester, field, value, me.actor());
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("suggestField", field);
            model.addAttribute("suggestValue", value);
            model.addAttribute(
                    "suggestError",
                    e instanceof InvalidInputException invalid
                            ? invalid.fieldErrors().entrySet().stream()
                                    .map(error -> messages.getMessage(
                                            "suggest.error",
                                            new Object[] {
                                                messages.getMessage(
                                                        "suggest." + error.getKey(), null, error.getKey(), locale),
                                                error.getValue()
                                            },
                                            locale))
                                    .collect(Collectors.joining(" "))
                            : e.getMessage());
            return screen.refused(number, "context", HttpStatus.BAD_REQUEST, me, request, response, model);
        }
        return screen.done(number, "context", me, request, response, model);
    }

    @PostMapping("/cases/{number}/customer/merges")
    String proposeMerge(
            @PathVariable long number,
            @RequestParam(defaultValue = "") String identity,
            @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var requester = pages.detail(number, me).summary().requesterId();
        try {
            var other = find(identity)
                    .orElseThrow(() -> new InvalidInputException(
                            "identity", "No customer has this email address or phone number."));
            merges.propose(other, requester, note, me.actor());
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("mergeIdentity", identity);
            model.addAttribute("mergeNote", note);
            model.addAttribute(
                    "mergeError",
                    e instanceof InvalidInputException invalid
                            ? String.join(" ", invalid.fieldErrors().values())
                            : e.getMessage());
            return screen.refused(number, "context", HttpStatus.BAD_REQUEST, me, request, response, model);
        }
        return screen.done(number, "context", me, request, response, model);
    }

    /** The record with this email address or phone number. */
    private Optional<CustomerId> find(String identity) {
        String value = identity.strip();
        if (value.isEmpty()) {
            throw new InvalidInputException("identity", "Enter an email address or phone number of the other record.");
        }
        var kind = value.contains("@") ? IdentityKind.EMAIL : IdentityKind.PHONE;
        return customers.findByIdentity(kind, value).map(c -> c.id());
    }
}
