package dev.casekeeper.workspace;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.workspace.CaseForms.AssignForm;
import dev.casekeeper.workspace.CaseForms.ChangeCaseForm;
import dev.casekeeper.workspace.CaseForms.NoteForm;
import dev.casekeeper.workspace.CaseForms.ProfileForm;
import dev.casekeeper.workspace.CaseForms.ReplyForm;
import dev.casekeeper.workspace.CaseForms.TransferForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * Puts a case page in the model: the page itself and every form on it, as the case is now, except
 * a form already there (one that came back with errors keeps what the agent typed).
 */
@Component
class CaseScreen {

    static final String PAGE = "workspace/case";

    private final CasePages pages;
    private final AssistViews assist;
    private final CaseReplies replies;
    private final CustomerPanels customerPanels;

    CaseScreen(CasePages pages, AssistViews assist, CaseReplies replies, CustomerPanels customerPanels) {
        this.pages = pages;
        this.assist = assist;
        this.replies = replies;
        this.customerPanels = customerPanels;
    }

    CasePageModel fill(Model model, long number, SignedInAgent me) {
        var page = pages.page(number, me);
        fill(model, page, me);
        return page;
    }

    void fill(Model model, CasePageModel page, SignedInAgent me) {
        model.addAttribute("page", page);
        var kase = page.kase();
        // An email case's composer is addressed (To, Cc, Bcc, From) and can forward.
        var mail = replies.emailAddressing(kase, me);
        model.addAttribute("mailOut", mail);
        putIfAbsent(model, "replyForm", ReplyForm.empty(page.entries(), mail));
        putIfAbsent(model, "forwardForm", CaseForms.ForwardForm.empty(mail));
        putIfAbsent(model, "noteForm", NoteForm.empty());
        putIfAbsent(
                model,
                "changeForm",
                new ChangeCaseForm(kase.status().value(), kase.priority().value(), page.tags()));
        putIfAbsent(model, "assignForm", new AssignForm(null));
        putIfAbsent(model, "transferForm", new TransferForm(null, "", page.transferDraft()));
        var fields = new LinkedHashMap<String, String>();
        page.fields().forEach(field -> fields.put(field.key(), field.value() == null ? "" : field.value()));
        if (model.getAttribute("profileForm") instanceof ProfileForm sent
                && (sent.fields() == null || !sent.fields().keySet().containsAll(fields.keySet()))) {
            // Posted without some of its fields (never by the page itself): shown with all of them, the sent ones as
            // sent.
            var complete = new LinkedHashMap<>(fields);
            if (sent.fields() != null) {
                complete.putAll(sent.fields());
            }
            replaceKeepingErrors(model, "profileForm", new ProfileForm(sent.displayName(), complete));
        }
        putIfAbsent(model, "profileForm", new ProfileForm(page.requester().displayName(), fields));
        model.addAttribute("customerPanel", customerPanels.of(page.requester()));
        var assisted = assist.of(page, me);
        model.addAttribute("assist", assisted);
        putIfAbsent(model, "closingForm", AssistForms.ClosingForm.startingWith(assisted.farewell()));
        putIfAbsent(model, "colleagueForm", new AssistForms.ColleagueForm(null, ""));
        // The views' counts are not read here: the nav asks for them after the page has shown.
        // The case's chat, if it has one: its panel, and where the composer's reply goes.
        model.addAttribute("chat", replies.chat(kase.id(), me));
    }

    /** A refused form: its part of the page (or, without htmx, the whole page) with the errors. */
    String refused(
            long number,
            String fragment,
            HttpStatus status,
            SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        response.setStatus(status.value());
        fill(model, number, me);
        return Htmx.isPartial(request) ? PAGE + " :: " + fragment : PAGE;
    }

    /**
     * A form that did what it said: its part of the page as the case is now, and every other part is
     * told to load afresh. Without htmx, back to the case page.
     */
    String done(
            long number,
            String fragment,
            SignedInAgent me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!Htmx.isPartial(request)) {
            return "redirect:/cases/" + number;
        }
        Htmx.caseChanged(response, number);
        fill(model, number, me);
        return PAGE + " :: " + fragment;
    }

    /**
     * The case is out of the agent's sight now (they moved it to another team, or someone did while
     * they looked at it): back to the lists, for a partial request too.
     */
    String outOfSight(HttpServletRequest request, HttpServletResponse response) {
        if (!Htmx.isPartial(request)) {
            return "redirect:/";
        }
        response.setHeader("HX-Redirect", request.getContextPath() + "/");
        return PAGE + " :: gone";
    }

    /** Replaces a submitted form with a fresh one, dropping what was bound from the request. */
    void reset(Model model, String name, Object form) {
        forget(model, name);
        model.addAttribute(name, form);
    }

    /** Drops a submitted form, so the page shows it as the case is now. */
    void forget(Model model, String name) {
        model.asMap().remove(name);
        model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + name);
    }

    /** A rule refused the action (409), or the input was invalid (422). */
    static HttpStatus statusOf(BindingResult errors) {
        return errors.getGlobalErrors().stream()
                        .anyMatch(e -> e.getCode() != null && e.getCode().startsWith("conflict"))
                ? HttpStatus.CONFLICT
                : HttpStatus.UNPROCESSABLE_CONTENT;
    }

    /**
     * A form that could not even be built from the request (a value of the wrong type, which only a
     * tampered form sends, or text with a character Casekeeper cannot store) is shown afresh, with
     * why each refused value was refused and what was typed there; the response still says the
     * request was refused.
     */
    private static void putIfAbsent(Model model, String name, Object value) {
        if (model.containsAttribute(name) && model.getAttribute(name) == null) {
            replaceKeepingErrors(model, name, value);
        }
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }

    /** The form in the model replaced by {@code value}, with the refusals (and refused values) of the one it replaces. */
    private static void replaceKeepingErrors(Model model, String name, Object value) {
        var refused = (BindingResult) model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + name);
        model.asMap().remove(name);
        model.addAttribute(name, value);
        if (refused != null && refused.hasErrors()) {
            var kept = new BeanPropertyBindingResult(value, name);
            refused.getAllErrors().forEach(kept::addError);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, kept);
        }
    }
}
