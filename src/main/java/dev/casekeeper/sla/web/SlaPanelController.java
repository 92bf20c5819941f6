package dev.casekeeper.sla.web;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.sla.CaseSla;
import dev.casekeeper.sla.SlaManagement;
import dev.casekeeper.sla.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The SLA panel of the case page: each target's latest clock with the business time left or how
 * far it is overdue. The panel loads itself and again whenever the case changes, so the case page
 * needs no SLA data of its own. A case the agent may not see is not found.
 */
@Controller
class SlaPanelController {

    private final CaseLookup cases;
    private final SlaManagement sla;

    SlaPanelController(CaseLookup cases, SlaManagement sla) {
        this.cases = cases;
        this.sla = sla;
    }

    @GetMapping("/cases/{number}/sla")
    String panel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        var kase = cases.findByNumber(number, me).summary();
        var view = sla.caseSla(kase.id(), me);
        model.addAttribute("number", number);
        model.addAttribute("sla", view);
        model.addAttribute("rows", latestPerTarget(view.clocks()));
        return "sla/panel :: panel";
    }

    /** One row per target: its latest cycle (a new next-response cycle starts with each customer message). */
    static List<Row> latestPerTarget(List<CaseSla.Clock> clocks) {
        var latest = new LinkedHashMap<Target, CaseSla.Clock>();
        clocks.stream()
                .sorted(Comparator.comparing(CaseSla.Clock::target).thenComparingInt(CaseSla.Clock::cycle))
                .forEach(clock -> latest.put(clock.target(), clock));
        return latest.values().stream().map(Row::of).toList();
    }

    /**
     * A clock as the panel shows it. {@code open}: still counting or waiting (not met, not stopped);
     * {@code overdue}: missed and still open, so the time shown is how far past the target it is.
     */
    record Row(
            String target,
            String state,
            boolean open,
            boolean overdue,
            Duration time,
            @Nullable Instant dueAt) {

        static Row of(CaseSla.Clock clock) {
            boolean open = clock.endedAt() == null
                    && !clock.state().equals("met")
                    && !clock.state().equals("stopped");
            boolean overdue = open && clock.state().equals("breached");
            Duration left = clock.businessTimeLeft();
            return new Row(
                    clock.target().value(),
                    clock.state(),
                    open,
                    overdue,
                    left.isNegative() ? left.negated() : left,
                    clock.dueAt());
        }

        /** The message key of the time text: left, paused with time left, overdue, or how it ended. */
        public String timeKey() {
            if (!open) {
                return "sla.ended." + state;
            }
            return overdue ? "sla.overdueBy" : state.equals("paused") ? "sla.pausedLeft" : "sla.left";
        }
    }
}
