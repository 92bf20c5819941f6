package dev.casekeeper.counter.web;

import dev.casekeeper.counter.CounterManagement;
import dev.casekeeper.counter.LocationManagement;
import dev.casekeeper.counter.ReasonId;
import dev.casekeeper.counter.TakeTicket;
import dev.casekeeper.counter.TicketId;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The kiosk of a location, for walk-ins on a touch screen without signing in: first name, reason,
 * optionally an email or phone to be told when it is their turn; then the ticket slip with the
 * number, place in line and estimated wait, ready to print. Refused input comes back as typed, with
 * what to fix; too many tickets from one client are refused for a while.
 */
@Controller
class KioskController {

    static final String KIOSK = "counter/kiosk";

    private final LocationManagement locations;
    private final CounterManagement counter;
    private final KioskLimits limits;

    KioskController(LocationManagement locations, CounterManagement counter, KioskLimits limits) {
        this.locations = locations;
        this.counter = counter;
        this.limits = limits;
    }

    /** What the walk-in typed; a refused form comes back as typed. */
    record KioskForm(
            @Nullable String firstName,
            @Nullable String reasonId,
            @Nullable String email,
            @Nullable String phone) {}

    @GetMapping("/counter/kiosk/{slug}")
    String kiosk(@PathVariable String slug, Model model) {
        model.addAttribute("location", locations.bySlug(slug));
        model.addAttribute("form", new KioskForm("", null, "", ""));
        return KIOSK;
    }

    @PostMapping("/counter/kiosk/{slug}")
    String take(
            @PathVariable String slug,
            @ModelAttribute("form") KioskForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var location = locations.bySlug(slug);
        model.addAttribute("location", location);
        var verdict = limits.ticketFrom(request.getRemoteAddr());
        if (!verdict.allowed()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
            model.addAttribute("limitedMinutes", Math.max(1, (verdict.retryAfterSeconds() + 59) / 60));
            return KIOSK;
        }
        try {
            var ticket = counter.take(
                    location.id(),
                    new TakeTicket(form.firstName(), reason(form.reasonId()), form.email(), form.phone()));
            return "redirect:/counter/kiosk/" + location.slug() + "/tickets/" + ticket.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("errors", e.fieldErrors());
            return KIOSK;
        }
    }

    @GetMapping("/counter/kiosk/{slug}/tickets/{id}")
    String slip(@PathVariable String slug, @PathVariable UUID id, Model model) {
        var location = locations.bySlug(slug);
        var ticket = counter.ticket(new TicketId(id));
        if (!ticket.locationId().equals(location.id())) {
            throw new NotFoundException("Ticket", id);
        }
        model.addAttribute("location", location);
        model.addAttribute("ticket", ticket);
        model.addAttribute(
                "reason",
                location.reasons().stream()
                        .filter(r -> r.id().equals(ticket.reasonId()))
                        .findFirst()
                        .orElseThrow());
        return "counter/slip";
    }

    private static @Nullable ReasonId reason(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new ReasonId(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
