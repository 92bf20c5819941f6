package dev.casekeeper.counter.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.counter.CounterManagement;
import dev.casekeeper.counter.DeskManagement;
import dev.casekeeper.counter.LocationId;
import dev.casekeeper.counter.LocationManagement;
import dev.casekeeper.counter.TicketId;
import dev.casekeeper.counter.TransferTicket;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counter desk page: sit at a location's desk, call the next ticket, see who it is (and their
 * earlier cases when they identified themselves), serve, transfer, mark a no-show, end. Each step
 * goes back to the page with a note, or with why it was refused. The line at the location reloads
 * live from the location's event stream.
 */
@Controller
class DeskController {

    private static final int HISTORY = 5;

    private final DeskManagement desks;
    private final CounterManagement counter;
    private final LocationManagement locations;
    private final DeskPages pages;

    DeskController(DeskManagement desks, CounterManagement counter, LocationManagement locations, DeskPages pages) {
        this.desks = desks;
        this.counter = counter;
        this.locations = locations;
        this.pages = pages;
    }

    @GetMapping("/counter/desk")
    String desk(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("deskView", true);
        var seat = desks.seatOf(me);
        model.addAttribute("seat", seat.orElse(null));
        if (seat.isEmpty()) {
            model.addAttribute("locations", locations.locations());
            return "counter/desk";
        }
        var location = locations.location(seat.get().locationId());
        model.addAttribute("location", location);
        model.addAttribute("line", counter.line(location.id()));
        var current = desks.current(me);
        model.addAttribute("current", current.orElse(null));
        current.ifPresent(ticket -> {
            model.addAttribute("history", pages.history(ticket, me, HISTORY));
            model.addAttribute("noShowAt", pages.noShowAt(ticket));
        });
        model.addAttribute("teams", pages.teams());
        model.addAttribute("desks", pages.otherDesks(location.id(), seat.get().desk()));
        return "counter/desk";
    }

    @GetMapping("/counter/desk/line")
    String line(@AuthenticationPrincipal SignedInAgent me, Model model) {
        var seat = desks.seatOf(me);
        if (seat.isPresent()) {
            var location = locations.location(seat.get().locationId());
            model.addAttribute("location", location);
            model.addAttribute("line", counter.line(location.id()));
        } else {
            model.addAttribute("line", List.of());
        }
        return "counter/desk :: line";
    }

    @PostMapping("/counter/desk/seat")
    String sit(
            @AuthenticationPrincipal SignedInAgent me,
            @RequestParam(required = false) @Nullable UUID locationId,
            @RequestParam(required = false) @Nullable String desk,
            RedirectAttributes redirect) {
        return act(redirect, "counter.desk.seated", () -> {
            if (locationId == null) {
                throw new InvalidInputException("locationId", "choose a location");
            }
            return desks.sit(new LocationId(locationId), desk, me);
        });
    }

    @PostMapping("/counter/desk/leave")
    String leave(@AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        return act(redirect, "counter.desk.left", () -> {
            desks.leave(me);
            return true;
        });
    }

    @PostMapping("/counter/desk/next")
    String next(@AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        return act(redirect, null, () -> {
            var called = desks.callNext(me);
            redirect.addFlashAttribute("notice", called.isPresent() ? "counter.desk.called" : "counter.desk.nobody");
            return called;
        });
    }

    @PostMapping("/counter/desk/tickets/{id}/serve")
    String serve(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "counter.desk.serving", () -> desks.serve(new TicketId(id), me));
    }

    @PostMapping("/counter/desk/tickets/{id}/no-show")
    String noShow(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "counter.desk.noShown", () -> desks.noShow(new TicketId(id), me));
    }

    @PostMapping("/counter/desk/tickets/{id}/end")
    String end(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "counter.desk.ended", () -> desks.end(new TicketId(id), me));
    }

    @PostMapping("/counter/desk/tickets/{id}/transfer")
    String transfer(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String summary,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "counter.desk.transferred",
                () -> desks.transfer(new TicketId(id), target(to, reason, summary), me));
    }

    /** The transfer form names its target as {@code team:<id>} or {@code desk:<name>}. */
    private static TransferTicket target(@Nullable String to, @Nullable String reason, @Nullable String summary) {
        if (to != null && to.startsWith("team:")) {
            try {
                return new TransferTicket(new TeamId(UUID.fromString(to.substring(5))), null, reason, summary);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("to", "choose a team or a desk");
            }
        }
        if (to != null && to.startsWith("desk:")) {
            return new TransferTicket(null, to.substring(5), reason, summary);
        }
        throw new InvalidInputException("to", "choose a team or a desk");
    }

    private static String act(RedirectAttributes redirect, @Nullable String notice, Supplier<?> action) {
        try {
            action.get();
            if (notice != null) {
                redirect.addFlashAttribute("notice", notice);
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "refused",
                    String.join(
                            "; ",
                            e.fieldErrors().entrySet().stream()
                                    .map(en -> en.getKey() + ": " + en.getValue())
                                    .toList()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("refused", e.getMessage());
        }
        return "redirect:/counter/desk";
    }
}
