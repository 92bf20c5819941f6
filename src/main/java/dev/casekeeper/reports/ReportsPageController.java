package dev.casekeeper.reports;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.Team;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.feedback.FeedbackManagement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The report pages: the desk's, a team's or an agent's figures by period with charts, tables and
 * the CSV link (every agent, within what they may see); each agent's own page; the team wallboard
 * (supervisors and admins).
 */
@Controller
class ReportsPageController {

    private static final int SHOWN_COMPLIMENTS = 20;

    private final Reports reports;
    private final Wallboard wallboard;
    private final AgentManagement agents;
    private final FeedbackManagement feedback;
    private final ReportPages pages;
    private final CustomersAtRisk atRisk;

    ReportsPageController(
            Reports reports,
            Wallboard wallboard,
            AgentManagement agents,
            FeedbackManagement feedback,
            ReportPages pages,
            CustomersAtRisk atRisk) {
        this.pages = pages;
        this.atRisk = atRisk;
        this.reports = reports;
        this.wallboard = wallboard;
        this.agents = agents;
        this.feedback = feedback;
    }

    @GetMapping("/reports")
    String report(ReportRequest request, @AuthenticationPrincipal SignedInAgent me, Model model) {
        var report = reports.report(request, me);
        model.addAttribute("report", report);
        model.addAttribute("teams", teamsOf(me));
        model.addAttribute("agentsShown", agentsOf(me));
        model.addAttribute("csv", "/api/v1/reports/metrics/csv?" + ReportLinks.parameters(report.query()));
        model.addAttribute("reportsView", true);
        return "reports/report";
    }

    /** The agent's own figures of the last 30 days beside each of their teams', their compliments and promises. */
    @GetMapping("/reports/me")
    String mine(@AuthenticationPrincipal SignedInAgent me, Model model) {
        var own = reports.report(
                new ReportRequest(null, null, "week", null, me.id().value().toString(), null, null), me);
        var teams = teamsOf(me).stream()
                .filter(t -> me.teamIds().contains(t.id()))
                .map(t -> new TeamFigures(
                        t,
                        reports.report(
                                new ReportRequest(
                                        null, null, "week", t.id().value().toString(), null, null, null),
                                me)))
                .toList();
        model.addAttribute("own", own);
        model.addAttribute("ownChart", pages.charts(own).getFirst());
        model.addAttribute("ownCsv", "/api/v1/reports/metrics/csv?" + ReportLinks.parameters(own.query()));
        model.addAttribute("teams", teams);
        model.addAttribute(
                "compliments",
                feedback.compliments(me.id()).stream().limit(SHOWN_COMPLIMENTS).toList());
        model.addAttribute("myReportsView", true);
        return "reports/mine";
    }

    record TeamFigures(Team team, Report report) {}

    @GetMapping("/supervisor/wallboard")
    String wallboard(
            @RequestParam(required = false) @Nullable UUID team,
            @AuthenticationPrincipal SignedInAgent me,
            HttpServletRequest request,
            Model model) {
        var teams = teamsOf(me);
        model.addAttribute("teams", teams);
        TeamId shown = team != null
                ? new TeamId(team)
                : teams.isEmpty() ? null : teams.getFirst().id();
        if (shown != null) {
            model.addAttribute("team", agents.findTeam(shown));
            model.addAttribute("board", wallboard.board(shown, me));
        }
        return "true".equals(request.getHeader("HX-Request"))
                ? "reports/wallboard-board :: board"
                : "reports/wallboard";
    }

    @GetMapping("/supervisor/customers-at-risk")
    String customersAtRisk(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("customers", atRisk.list(me));
        model.addAttribute("atRiskView", true);
        return "reports/at-risk";
    }

    /**
     * The agents whose figures the report page offers: their teams' agents for supervisors, everyone
     * for admins, only themselves for agents.
     */
    private List<Agent> agentsOf(SignedInAgent me) {
        return agents.list().stream()
                .filter(a -> a.id().equals(me.id())
                        || me.isAdmin()
                        || (me.role().seesAllTeams() && a.teamIds().stream().anyMatch(me.teamIds()::contains)))
                .sorted(java.util.Comparator.comparing(Agent::name))
                .toList();
    }

    /** The teams whose reports the agent may open: all for admins, their own for everyone else. */
    private List<Team> teamsOf(SignedInAgent me) {
        return agents.teams().stream()
                .filter(t -> me.isAdmin() || me.teamIds().contains(t.id()))
                .toList();
    }
}
