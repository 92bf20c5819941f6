package dev.casekeeper.assist;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseFlags;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.ChangeCase;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.cases.TransferCase;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.Cursor;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * De-escalation and reply assistance: frustration scores of customer messages, heated cases and
 * supervisor alerts, the tone check of drafts, reply templates, the closing with next steps, and
 * the one-step handover of a heated contact. Pages and the REST API call these verbs; each checks
 * that the agent may see the case.
 */
@Service
@Transactional
public class AssistManagement {

    /** The {@link TimelineEvent.SupervisorJoined#source()} of a supervisor who took a heated case over. */
    private static final String HEATED = "heated";

    private final CaseManagement cases;
    private final CaseLookup lookup;
    private final Customers customers;
    private final Detectors detectors;
    private final AssistQueries queries;
    private final AssistSettings settings;
    private final CaseFlags flags;
    private final Clock clock;

    AssistManagement(
            CaseManagement cases,
            CaseLookup lookup,
            Customers customers,
            Detectors detectors,
            AssistQueries queries,
            AssistSettings settings,
            CaseFlags flags,
            Clock clock) {
        this.cases = cases;
        this.lookup = lookup;
        this.customers = customers;
        this.detectors = detectors;
        this.queries = queries;
        this.settings = settings;
        this.flags = flags;
        this.clock = clock;
    }

    /**
     * Scores a customer message. With a case, the case counts too (what they wrote before, contacts,
     * transfers, waiting), as if the message arrived now.
     *
     * @param language word lists to use; without, the customer's declared language or the default
     */
    @Transactional(readOnly = true)
    public FrustrationScore frustration(
            String text, @Nullable CaseId caseId, @Nullable String language, SignedInAgent viewer) {
        requireText(text);
        String wanted = detectors.requireLanguage(language);
        if (caseId == null) {
            return detectors.scorer(wanted).score(text);
        }
        var detail = lookup.find(caseId, viewer);
        String lang = language != null
                ? wanted
                : detectors.language(customers.languageOf(detail.summary().requesterId()));
        return detectors.scorer(lang).score(text, CaseContexts.now(detail, clock.instant()));
    }

    /**
     * Checks a draft reply. With a case, jargon the customer used themselves is not flagged, and a
     * missing acknowledgement is, when their latest message reads frustrated.
     */
    @Transactional(readOnly = true)
    public ToneCheck tone(String draft, @Nullable CaseId caseId, @Nullable String language, SignedInAgent viewer) {
        requireText(draft);
        String wanted = detectors.requireLanguage(language);
        if (caseId == null) {
            return new ToneCheck(detectors.checker(wanted).check(draft, List.of(), null), null);
        }
        var detail = lookup.find(caseId, viewer);
        String lang = language != null
                ? wanted
                : detectors.language(customers.languageOf(detail.summary().requesterId()));
        var last = latestCustomerScore(detail, lang);
        var level = last == null ? null : last.level();
        var findings = detectors.checker(lang).check(draft, CaseContexts.customerMessages(detail.timeline()), level);
        return new ToneCheck(findings, level);
    }

    /** Every scored customer message of the case, oldest first, and whether it is heated now. */
    @Transactional(readOnly = true)
    public FrustrationTrend trend(CaseId caseId, SignedInAgent viewer) {
        lookup.find(caseId, viewer);
        var heated = queries.heated(caseId.value());
        return new FrustrationTrend(
                caseId,
                heated.isPresent(),
                heated.map(HeatedCase::heatedAt).orElse(null),
                queries.scores(caseId.value()));
    }

    /**
     * Every scored customer message of the case, oldest first, as stored when it arrived (never
     * scored again): for modules that keep figures of their own (reports), so there is no access
     * check; pages and the API ask {@link #trend} for an agent instead.
     */
    @Transactional(readOnly = true)
    public List<MessageFrustration> scoresOf(CaseId caseId) {
        return queries.scores(caseId.value());
    }

    /** Cases heated now, most recent first: the supervisor's escalation view. */
    @Transactional(readOnly = true)
    public List<HeatedCase> heatedCases(SignedInAgent viewer, int limit) {
        requireSupervisor(viewer, "see the heated cases");
        return queries.heatedCases(limit);
    }

    /** A supervisor clears the heated flag once the customer is calm again; a later heated message flags it anew. */
    public FrustrationTrend clearHeated(CaseId caseId, SignedInAgent viewer) {
        requireSupervisor(viewer, "clear a heated case");
        lookup.find(caseId, viewer);
        if (queries.clearHeated(caseId.value(), viewer.id().value(), clock.instant())) {
            flags.heated(caseId, false);
        }
        return trend(caseId, viewer);
    }

    /** The signed-in agent's alerts about heated cases, newest first; only unacknowledged ones unless {@code all}. */
    @Transactional(readOnly = true)
    public List<SupervisorAlert> alerts(SignedInAgent viewer, boolean all, int limit) {
        return queries.alerts(viewer.id().value(), all, limit);
    }

    public SupervisorAlert acknowledgeAlert(UUID alertId, SignedInAgent viewer) {
        return queries.acknowledge(alertId, viewer.id().value(), clock.instant())
                .orElseThrow(() -> new NotFoundException("Alert", alertId));
    }

    /**
     * Tone findings on an agent's sent replies. Agents see their own; supervisors and admins anyone's.
     */
    @Transactional(readOnly = true)
    public CoachingReport coaching(
            @Nullable AgentId agentId, SignedInAgent viewer, @Nullable String cursor, int limit) {
        var agent = agentId == null ? viewer.id() : agentId;
        if (!agent.equals(viewer.id()) && !viewer.role().seesAllTeams()) {
            throw new AccessDeniedException("Only supervisors and admins may see other agents' coaching findings");
        }
        var rows = queries.findings(agent.value(), cursor == null ? null : Cursor.decode(cursor), limit + 1);
        var page = rows.stream().limit(limit).toList();
        String next = rows.size() > limit
                ? new Cursor(page.getLast().at(), new UUID(0, page.getLast().id())).encode()
                : null;
        return new CoachingReport(
                agent, queries.checkedReplies(agent.value()), queries.findingCounts(agent.value()), page, next);
    }

    /**
     * The tone checks of these agents' replies per day ({@code from} to {@code to}, both included, days
     * of {@code zone}), oldest first, days without a checked reply left out; for a caller that already
     * knows its reader may see these agents' coaching (reports' coaching trend).
     */
    @Transactional(readOnly = true)
    public List<ToneDay> toneByDay(
            java.util.Collection<AgentId> agents,
            java.time.LocalDate from,
            java.time.LocalDate to,
            java.time.ZoneId zone) {
        if (agents.isEmpty()) {
            return List.of();
        }
        return queries.toneByDay(
                agents.stream().map(AgentId::value).toArray(UUID[]::new),
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(),
                zone.getId());
    }

    /**
     * Reply templates for the case, filled with the customer's name and the case's facts; offered
     * when the customer's latest message reads frustrated or worse.
     */
    @Transactional(readOnly = true)
    public ReplySuggestions templatesFor(CaseId caseId, SignedInAgent viewer) {
        var detail = lookup.find(caseId, viewer);
        String lang = detectors.language(customers.languageOf(detail.summary().requesterId()));
        var last = latestCustomerScore(detail, lang);
        var messages = CaseContexts.customerMessages(detail.timeline());
        var lexicon = detectors.scorer(lang).lexicon();
        var references = dev.casekeeper.assist.detect.References.in(messages, 5);
        var facts = Map.of(
                "name", customers.nameOf(detail.summary().requesterId()),
                "number", String.valueOf(detail.summary().number()),
                "subject", detail.summary().subject(),
                "agent", viewer.name(),
                "details",
                        references.isEmpty()
                                ? ""
                                : Texts.fill(
                                        lexicon,
                                        "template.details",
                                        Map.of("references", String.join(", ", references))));
        var context = CaseContexts.now(detail, clock.instant());
        boolean offered = last != null && last.level().atLeast(FrustrationLevel.FRUSTRATED);
        return new ReplySuggestions(offered, last, ReplyTemplates.build(lexicon, last, context, facts));
    }

    /**
     * The farewell a closing ends with when the agent writes none of their own: what the closing
     * composer starts from, so the agent can keep it or make it theirs.
     */
    @Transactional(readOnly = true)
    public String farewell(CaseId caseId, SignedInAgent viewer) {
        var detail = lookup.find(caseId, viewer);
        return compose(detail, new CloseCase(new NextSteps("", "", ""), null, false, false), viewer)
                .farewell();
    }

    /** The closing message as it would be sent, without storing or sending anything. */
    @Transactional(readOnly = true)
    public Closing previewClosing(CaseId caseId, CloseCase close, SignedInAgent viewer) {
        var detail = lookup.find(caseId, viewer);
        requireSteps(close.nextSteps());
        var composed = compose(detail, close, viewer);
        return new Closing(
                null,
                caseId,
                viewer.id(),
                trimmed(close.nextSteps()),
                composed.farewell(),
                composed.message(),
                null,
                detail.summary().status(),
                clock.instant());
    }

    /**
     * Closes a case: stores the next steps on it, sends the closing message (next steps and a
     * farewell) as a reply, and marks the case solved, as asked. All or nothing: a case that cannot
     * become solved changes nothing.
     */
    public Closing close(CaseId caseId, CloseCase close, SignedInAgent viewer) {
        var detail = lookup.find(caseId, viewer);
        requireSteps(close.nextSteps());
        var composed = compose(detail, close, viewer);
        UUID entryId = close.send()
                ? cases.reply(caseId, composed.message(), null, viewer).id()
                : null;
        var status = close.solve()
                ? cases.change(caseId, new ChangeCase(CaseStatus.SOLVED, null, null), viewer)
                        .status()
                : lookup.find(caseId, viewer).summary().status();
        var closing = new Closing(
                UUID.randomUUID(),
                caseId,
                viewer.id(),
                trimmed(close.nextSteps()),
                composed.farewell(),
                composed.message(),
                entryId,
                status,
                clock.instant());
        queries.insertClosing(closing);
        return closing;
    }

    /** The latest closing of a case, for the agent. */
    @Transactional(readOnly = true)
    public Optional<Closing> closing(CaseId caseId, SignedInAgent viewer) {
        var detail = lookup.find(caseId, viewer);
        return queries.latestClosing(caseId.value())
                .map(c -> withStatus(c, detail.summary().status()));
    }

    /** The next steps the customer was last told on this case, for the customer portal. */
    @Transactional(readOnly = true)
    public Optional<NextSteps> nextSteps(CaseId caseId) {
        return queries.latestClosing(caseId.value()).map(Closing::nextSteps);
    }

    /**
     * Hands the case to a colleague or a team in one step, with a reason and a summary of what the
     * customer already said written from the case. Transfer rules apply: only the owner, or a
     * supervisor or admin, moves an owned case; a supervisor takes a case over by naming themselves.
     */
    public HandedOver handOver(CaseId caseId, HandOver handOver, SignedInAgent viewer) {
        var detail = lookup.find(caseId, viewer);
        String lang = detectors.language(customers.languageOf(detail.summary().requesterId()));
        var lexicon = detectors.scorer(lang).lexicon();
        var latest = latestCustomerScore(detail, lang);
        boolean heated = queries.heated(caseId.value()).isPresent();
        String reason = HandoverNotes.reason(lexicon, latest, heated);
        String summary = HandoverNotes.summary(
                lexicon, CaseContexts.customerMessages(detail.timeline()), handOver.note(), viewer.name());
        var moved = cases.transfer(
                caseId, new TransferCase(handOver.toAgentId(), handOver.toTeamId(), reason, summary), viewer);
        if (heated && viewer.role().seesAllTeams() && viewer.id().equals(handOver.toAgentId())) {
            // A supervisor stepping into a heated case is what the frustration report times and the
            // timeline shows, whether or not the customer asked for a supervisor (a score alone opens no request).
            cases.recordEvent(
                    caseId, viewer.actor(), new TimelineEvent.SupervisorJoined(viewer.id(), viewer.name(), HEATED));
        }
        return new HandedOver(moved.summary(), reason, summary);
    }

    private ClosingComposer.Composed compose(CaseDetail detail, CloseCase close, SignedInAgent viewer) {
        String lang = detectors.language(customers.languageOf(detail.summary().requesterId()));
        return ClosingComposer.compose(
                detectors.scorer(lang).lexicon(),
                close.nextSteps(),
                close.farewell(),
                detail.summary().number(),
                customers.nameOf(detail.summary().requesterId()),
                viewer.name());
    }

    private @Nullable FrustrationScore latestCustomerScore(CaseDetail detail, String language) {
        var last = CaseContexts.lastCustomerMessage(detail.timeline());
        if (last == null || last.bodyText() == null) {
            return null;
        }
        return detectors.scorer(language).score(last.bodyText(), CaseContexts.before(detail, last.id()));
    }

    private void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "must not be blank");
        }
        if (text.length() > settings.maxLength()) {
            throw new InvalidInputException("text", "must be at most " + settings.maxLength() + " characters");
        }
    }

    private static void requireSteps(NextSteps steps) {
        if (steps.whatHappens().isBlank()) {
            throw new InvalidInputException("whatHappens", "say what happens next");
        }
        if (steps.byWhen().isBlank()) {
            throw new InvalidInputException("byWhen", "say by when");
        }
        if (steps.howToCheck().isBlank()) {
            throw new InvalidInputException("howToCheck", "say how the customer can check");
        }
    }

    private static NextSteps trimmed(NextSteps steps) {
        return new NextSteps(
                steps.whatHappens().strip(),
                steps.byWhen().strip(),
                steps.howToCheck().strip());
    }

    private static Closing withStatus(Closing c, CaseStatus status) {
        return new Closing(
                c.id(), c.caseId(), c.agentId(), c.nextSteps(), c.farewell(), c.message(), c.entryId(), status, c.at());
    }

    private static void requireSupervisor(SignedInAgent viewer, String what) {
        if (!viewer.role().seesAllTeams()) {
            throw new AccessDeniedException("Only supervisors and admins may " + what);
        }
    }
}
