package dev.casekeeper.sla.web;

import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.sla.CalendarId;
import dev.casekeeper.sla.SlaCalendar;
import dev.casekeeper.sla.SlaManagement;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages for business calendars: the list, adding, changing and removing one. Whatever the
 * facade refuses comes back beside the field with what was typed, and nothing is saved.
 */
@Controller
class CalendarsAdminController {

    static final String LIST = "sla/admin-calendars";
    static final String EDIT = "sla/admin-calendar";

    private final SlaManagement sla;

    CalendarsAdminController(SlaManagement sla) {
        this.sla = sla;
    }

    @GetMapping("/admin/calendars")
    String list(Model model) {
        model.addAttribute("calendars", sla.calendars());
        return LIST;
    }

    @GetMapping("/admin/calendars/new")
    String newCalendar(Model model) {
        model.addAttribute("calendarForm", CalendarForm.empty());
        return edit(model, null);
    }

    @PostMapping("/admin/calendars")
    String create(
            @Valid @ModelAttribute("calendarForm") CalendarForm form,
            BindingResult errors,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var saved = save(form, errors, sla::createCalendar);
        if (saved == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return edit(model, null);
        }
        redirect.addFlashAttribute("notice", "calendars.notice.created");
        return "redirect:/admin/calendars/" + saved.id();
    }

    @GetMapping("/admin/calendars/{id}")
    String show(@PathVariable UUID id, Model model) {
        var calendar = sla.calendar(new CalendarId(id));
        model.addAttribute("calendarForm", CalendarForm.of(calendar));
        return edit(model, calendar);
    }

    @PostMapping("/admin/calendars/{id}")
    String change(
            @PathVariable UUID id,
            @Valid @ModelAttribute("calendarForm") CalendarForm form,
            BindingResult errors,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        var calendarId = new CalendarId(id);
        var current = sla.calendar(calendarId);
        var saved = save(form, errors, command -> sla.replaceCalendar(calendarId, command));
        if (saved == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return edit(model, current);
        }
        redirect.addFlashAttribute("notice", "calendars.notice.saved");
        return "redirect:/admin/calendars/" + id;
    }

    @PostMapping("/admin/calendars/{id}/deletion")
    String delete(@PathVariable UUID id, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        var calendarId = new CalendarId(id);
        try {
            sla.deleteCalendar(calendarId);
        } catch (ConflictException e) {
            // Still used by a policy: the calendar stays, and the page says why.
            response.setStatus(HttpStatus.CONFLICT.value());
            var calendar = sla.calendar(calendarId);
            model.addAttribute("calendarForm", CalendarForm.of(calendar));
            model.addAttribute("refusal", e.getMessage());
            return edit(model, calendar);
        }
        redirect.addFlashAttribute("notice", "calendars.notice.deleted");
        return "redirect:/admin/calendars";
    }

    private static String edit(Model model, @Nullable SlaCalendar calendar) {
        model.addAttribute("calendar", calendar);
        model.addAttribute("days", CalendarForm.DAYS);
        return EDIT;
    }

    /** The saved calendar, or null when it was refused; the refusal is then beside its field. */
    private static @Nullable SlaCalendar save(
            CalendarForm form, BindingResult errors, Function<dev.casekeeper.sla.SaveCalendar, SlaCalendar> action) {
        var command = form.toCommand(errors);
        if (command == null) {
            return null;
        }
        try {
            return action.apply(command);
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> {
                if (field.equals("name") || field.equals("zone")) {
                    errors.rejectValue(field, "invalid", message);
                } else if (field.startsWith("holidays")) {
                    errors.rejectValue("holidays", "invalid", message);
                } else {
                    errors.reject("invalid", message);
                }
            });
        } catch (ConflictException e) {
            errors.rejectValue("name", e.code(), e.getMessage());
        }
        return null;
    }
}
