package dev.casekeeper.macros;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Canned responses: admins add, change and remove them; every agent finds them and has them
 * filled in for a case they may see. A text with an unknown placeholder is refused when saved,
 * so an agent never sends a customer "Dear {{customer.nmae}}".
 */
@Service
@Transactional
public class MacroManagement {

    static final int MAX_NAME = 200;
    static final int MAX_BODY = 20_000;

    private static final Logger log = LoggerFactory.getLogger(MacroManagement.class);

    private final MacroQueries macros;
    private final CaseLookup cases;
    private final CustomerManagement customers;
    private final MacroEffects effects;
    private final AgentManagement agents;
    private final Clock clock;

    MacroManagement(
            MacroQueries macros,
            CaseLookup cases,
            CustomerManagement customers,
            MacroEffects effects,
            AgentManagement agents,
            Clock clock) {
        this.macros = macros;
        this.cases = cases;
        this.customers = customers;
        this.effects = effects;
        this.agents = agents;
        this.clock = clock;
    }

    /** Adds a canned response (admins). */
    public Macro create(SaveMacro command, SignedInAgent by) {
        mayManage(by);
        var name = check(command);
        if (macros.nameTaken(name, null)) {
            throw nameTaken(name);
        }
        var id = UUID.randomUUID();
        // Checked again by the insert: another admin may have taken the name since.
        if (!macros.insert(id, name, command.body(), actions(command), by.id().value(), clock.instant())) {
            throw nameTaken(name);
        }
        log.info("Canned response {} added by agent {}", id, by.id());
        return find(new MacroId(id));
    }

    /** Replaces a canned response's name and text (admins). */
    public Macro change(MacroId id, SaveMacro command, SignedInAgent by) {
        mayManage(by);
        find(id);
        var name = check(command);
        try {
            if (!macros.update(
                    id.value(), name, command.body(), actions(command), by.id().value(), clock.instant())) {
                throw nameTaken(name);
            }
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        return find(id);
    }

    /** Removes a canned response (admins); replies that used it keep their text. */
    public void delete(MacroId id, SignedInAgent by) {
        mayManage(by);
        if (!macros.delete(id.value())) {
            throw new NotFoundException("Canned response", id);
        }
        log.info("Canned response {} removed by agent {}", id, by.id());
    }

    @Transactional(readOnly = true)
    public Macro find(MacroId id) {
        return macros.find(id.value())
                .map(MacroManagement::macro)
                .orElseThrow(() -> new NotFoundException("Canned response", id));
    }

    /** Canned responses whose name or text contains {@code q} (all without it), names matching first. */
    @Transactional(readOnly = true)
    public List<Macro> search(@Nullable String q, int limit) {
        return macros.search(q, limit).stream().map(MacroManagement::macro).toList();
    }

    /** The canned response filled in for a case the agent may see (else not found). */
    @Transactional(readOnly = true)
    public RenderedMacro render(MacroId id, CaseId caseId, SignedInAgent agent) {
        var macro = find(id);
        var detail = cases.find(caseId, agent);
        return rendered(
                macro.id(),
                macro.name(),
                macro.body(),
                facts(detail, agent),
                effects.preview(macro.actions(), detail.summary(), agent));
    }

    /**
     * Applies a canned response to a case the agent may see: its status, priority, tags and owner
     * change as an agent would change them (the same rules, history and timeline), all or nothing;
     * answers what changed and the text filled in for the reply.
     */
    public MacroApplied apply(MacroId id, CaseId caseId, SignedInAgent agent) {
        var macro = find(id);
        var before = cases.find(caseId, agent).summary();
        var changes = effects.preview(macro.actions(), before, agent);
        var after = effects.apply(macro.name(), macro.actions(), before, agent);
        var detail = cases.find(caseId, agent);
        return new MacroApplied(
                changes, after, rendered(macro.id(), macro.name(), macro.body(), facts(detail, agent), List.of()));
    }

    /** The matching canned responses, each filled in for a case the agent may see (else not found). */
    @Transactional(readOnly = true)
    public List<RenderedMacro> renderMatching(@Nullable String q, long caseNumber, SignedInAgent agent, int limit) {
        var detail = cases.findByNumber(caseNumber, agent);
        var facts = facts(detail, agent);
        return macros.search(q, limit).stream()
                .map(row -> rendered(
                        new MacroId(row.id()),
                        row.name(),
                        row.body(),
                        facts,
                        effects.preview(row.actions(), detail.summary(), agent)))
                .toList();
    }

    /** A text being written, filled in with made-up facts; refused like a save would be. */
    public RenderedMacro preview(String body, SignedInAgent agent) {
        MacroText.check(body);
        return rendered(new MacroId(new UUID(0, 0)), "", body, MacroFacts.sample(agent), List.of());
    }

    /**
     * Checks a text Casekeeper is to fill in on its own (an automation's email) as saving a canned
     * response checks its text: not blank, not too long, known placeholders only.
     *
     * @throws InvalidInputException naming {@code body}
     */
    public void checkText(String body) {
        if (body.isBlank()) {
            throw new InvalidInputException("body", "must not be blank");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidInputException("body", "must be at most " + MAX_BODY + " characters long");
        }
        MacroText.check(body);
    }

    /**
     * A text filled in for a case as Casekeeper sends it on its own (an automation's email): the
     * agent's placeholders name the case's owner, or else its team (empty for a case with neither),
     * since no agent is writing. No changes.
     */
    @Transactional(readOnly = true)
    public RenderedMacro renderUnattended(String body, CaseId caseId) {
        var kase = cases.summary(caseId);
        String sender = kase.ownerId() != null
                ? agents.find(kase.ownerId()).name()
                : kase.teamId() != null ? agents.findTeam(kase.teamId()).name() : "";
        return rendered(
                new MacroId(new UUID(0, 0)),
                "",
                body,
                MacroFacts.of(kase, customers.find(kase.requesterId()), sender),
                List.of());
    }

    /** Every placeholder, in the order an admin reads them. */
    public static List<Placeholder> placeholders() {
        return List.of(Placeholder.values());
    }

    private MacroFacts facts(CaseDetail detail, SignedInAgent agent) {
        var kase = detail.summary();
        return MacroFacts.of(kase, customers.find(kase.requesterId()), agent);
    }

    private static RenderedMacro rendered(
            MacroId id, String name, String body, MacroFacts facts, List<MacroChange> changes) {
        String text = MacroText.render(body, facts);
        return new RenderedMacro(id, name, text, MacroText.html(text), changes);
    }

    /** The actions as stored: checked by {@link #check}, tags as a case keeps them. */
    private MacroActions actions(SaveMacro command) {
        return effects.normalized(command.actions() == null ? MacroActions.NONE : command.actions());
    }

    /** The stripped name, after checking name, text and actions; every problem is named at once. */
    private String check(SaveMacro command) {
        var errors = new LinkedHashMap<String, String>();
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty()) {
            errors.put("name", "must not be blank");
        } else if (name.length() > MAX_NAME) {
            errors.put("name", "must be at most " + MAX_NAME + " characters long");
        }
        if (command.body() == null || command.body().isBlank()) {
            errors.put("body", "must not be blank");
        } else if (command.body().length() > MAX_BODY) {
            errors.put("body", "must be at most " + MAX_BODY + " characters long");
        } else {
            try {
                MacroText.check(command.body());
            } catch (InvalidInputException e) {
                errors.putAll(e.fieldErrors());
            }
        }
        if (command.actions() != null) {
            errors.putAll(effects.problems(command.actions()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return name;
    }

    private static void mayManage(SignedInAgent agent) {
        if (!agent.isAdmin()) {
            throw new AccessDeniedException("Only admins manage canned responses");
        }
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("macro-name-taken", "A canned response named " + name + " already exists");
    }

    private static Macro macro(MacroQueries.Row row) {
        return new Macro(
                new MacroId(row.id()),
                row.name(),
                row.body(),
                // Read leniently: a stored text is listed even if a placeholder it uses were ever retired.
                MacroText.placeholders(row.body()).stream()
                        .map(Placeholder::key)
                        .toList(),
                row.createdAt(),
                row.updatedAt(),
                row.updatedBy(),
                row.actions());
    }
}
