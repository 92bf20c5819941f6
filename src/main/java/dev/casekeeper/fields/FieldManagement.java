package dev.casekeeper.fields;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseCustomValues;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custom fields: admins define them; agents fill them in on cases, every value checked by its
 * field's type. Other modules read a case's values here ({@link #valuesOf}), as the case page shows them.
 */
@Service
@Transactional
public class FieldManagement {

    private static final String API_KEY = "[a-z][a-z0-9_]{0,39}";

    private final FieldQueries fields;
    private final CaseCustomValues caseValues;
    private final CaseLookup cases;
    private final FieldTexts texts;
    private final Clock clock;

    FieldManagement(FieldQueries fields, CaseCustomValues caseValues, CaseLookup cases, FieldTexts texts, Clock clock) {
        this.fields = fields;
        this.caseValues = caseValues;
        this.cases = cases;
        this.texts = texts;
        this.clock = clock;
    }

    /** The fields of cases or customers, in their order. */
    @Transactional(readOnly = true)
    public List<Field> list(FieldSubject subject) {
        return fields.all(subject);
    }

    @Transactional(readOnly = true)
    public Field find(FieldId id) {
        return fields.find(id.value()).orElseThrow(() -> new NotFoundException("Field", id));
    }

    /** Defines a field (admins only). */
    public Field create(SaveField field, SignedInAgent by) {
        requireAdmin(by);
        var checked = check(field);
        if (!checked.apiKey().matches(API_KEY)) {
            throw new InvalidInputException(
                    "apiKey", "must start with a lowercase letter and hold only a-z, 0-9 and _ (at most 40)");
        }
        if (fields.keyTaken(checked.subject(), checked.apiKey())) {
            throw new ConflictException(
                    "api-key-taken",
                    "Another " + checked.subject().value() + " field already has the API key " + checked.apiKey());
        }
        UUID id = UUID.randomUUID();
        fields.insert(id, checked, clock.instant());
        return find(new FieldId(id));
    }

    /**
     * Changes a field (admins only). Its subject and API key stay; values already stored stay as
     * they are, readable even when they no longer fit a new type or a removed option.
     */
    public Field change(FieldId id, SaveField field, SignedInAgent by) {
        requireAdmin(by);
        var current = find(id);
        var checked = check(new SaveField(
                current.subject(),
                field.name(),
                current.apiKey(),
                field.type(),
                field.helpText(),
                field.requiredToSolve(),
                field.teamId(),
                field.options()));
        fields.update(id.value(), checked);
        return find(id);
    }

    /** Removes a field (admins only); the values cases or customers hold stay stored but are no longer shown. */
    public void delete(FieldId id, SignedInAgent by) {
        requireAdmin(by);
        find(id);
        fields.delete(id.value());
    }

    /** The fields of a case (those of its team) with its values, for someone who may see the case. */
    @Transactional(readOnly = true)
    public List<FieldValue> caseValues(CaseId id, SignedInAgent viewer) {
        cases.find(id, viewer);
        return valuesOf(id);
    }

    /**
     * The fields of a case with its values, for another module that already knows who may see it
     * (reports, QA): each with the value as stored and as people read it.
     */
    @Transactional(readOnly = true)
    public List<FieldValue> valuesOf(CaseId id) {
        var team = cases.summary(id).teamId();
        var stored = caseValues.of(id);
        return fields.all(FieldSubject.CASE).stream()
                .filter(f -> f.appliesTo(team))
                .map(f -> value(f, stored.get(f.apiKey())))
                .toList();
    }

    /**
     * The values of several cases (a page of a list) as people read them, by case and API key; a
     * caller shows only cases its reader may see.
     */
    @Transactional(readOnly = true)
    public Map<CaseId, Map<String, String>> textsOf(java.util.Collection<CaseId> ids) {
        var byKey = new HashMap<String, Field>();
        fields.all(FieldSubject.CASE).forEach(f -> byKey.put(f.apiKey(), f));
        var shownById = new HashMap<CaseId, Map<String, String>>();
        caseValues.of(ids).forEach((id, stored) -> {
            var shown = new HashMap<String, String>();
            stored.forEach((key, value) -> {
                var field = byKey.get(key);
                if (field != null && value != null) {
                    shown.put(key, texts.text(field, value));
                }
            });
            shownById.put(id, shown);
        });
        return shownById;
    }

    /**
     * Sets values of a case the agent may see, by API key (a null or blank value clears it). Every
     * value is checked first: one that does not fit refuses them all, naming each, and changes nothing.
     */
    public List<FieldValue> setCaseValues(CaseId id, Map<String, @Nullable Object> given, SignedInAgent by) {
        var team = cases.find(id, by).summary().teamId();
        var checked = check(given, team, caseValues.of(id));
        caseValues.change(id, checked.values(), checked.lines(), by);
        return valuesOf(id);
    }

    /**
     * Sets values of a case as {@code by} without a viewer (an automation), by API key, when every
     * value fits the case's fields; answers whether they did (nothing changes when one does not: an
     * automation's step is then left out, never the change it reacts to).
     */
    public boolean trySetCaseValues(CaseId id, Map<String, @Nullable Object> given, Actor by) {
        Checked checked;
        try {
            checked = check(given, cases.summary(id).teamId(), caseValues.of(id));
        } catch (InvalidInputException e) {
            return false;
        }
        if (checked.lines().isEmpty()) {
            return false;
        }
        caseValues.change(id, checked.values(), checked.lines(), by);
        return true;
    }

    /**
     * A filter on case fields (values as text, by API key) as the stored values a case must contain,
     * for {@link dev.casekeeper.cases.CaseCriteria#customFields()}.
     *
     * @throws InvalidInputException naming an unknown field or a value not of its type
     */
    @Transactional(readOnly = true)
    public Map<String, Object> caseFilter(Map<String, String> given) {
        return CaseFieldRules.containment(fields.all(FieldSubject.CASE), given);
    }

    /**
     * {@link #caseFilter} for values saved earlier (an SLA policy's conditions): empty when a field is
     * gone or a value no longer fits it, instead of a refusal.
     */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> caseFilterIfValid(Map<String, String> given) {
        try {
            return Optional.of(CaseFieldRules.containment(fields.all(FieldSubject.CASE), given));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    /**
     * A value from another desk's export as {@code field} stores it (an import, which maps fields by
     * name): empty when it is empty, else the stored value, or the refusal in words for the import's report.
     *
     * @throws InvalidInputException naming the field when the value does not fit it
     */
    public Optional<Object> importedValue(Field field, @Nullable Object given) {
        try {
            return Optional.ofNullable(FieldValues.parse(field, given));
        } catch (FieldValues.Refused e) {
            throw new InvalidInputException(field.name(), e.getMessage());
        }
    }

    /** The values to store and the timeline's lines, or the refusal of every value that does not fit. */
    Checked check(Map<String, @Nullable Object> given, @Nullable TeamId team, Map<String, Object> before) {
        var defined = fields.all(FieldSubject.CASE).stream()
                .filter(f -> f.appliesTo(team))
                .toList();
        var checked = ValueChecks.check(defined, given, before, texts, "is not a custom field of this case");
        return new Checked(
                checked.values(),
                checked.changes().stream()
                        .map(c -> new TimelineEvent.CustomFieldChanged(c.field().name(), c.before(), c.after()))
                        .toList());
    }

    record Checked(Map<String, @Nullable Object> values, List<TimelineEvent.CustomFieldChanged> lines) {}

    FieldValue value(Field field, @Nullable Object stored) {
        if (stored == null) {
            return new FieldValue(field, null, null, false);
        }
        return new FieldValue(field, stored, texts.text(field, stored), !FieldValues.fits(field, stored));
    }

    private static SaveField check(SaveField f) {
        var errors = new LinkedHashMap<String, String>();
        String name = f.name() == null ? "" : f.name().strip();
        if (name.isEmpty() || name.length() > 80) {
            errors.put("name", "must be 1 to 80 characters");
        }
        var options = f.options().stream()
                .map(String::strip)
                .filter(o -> !o.isEmpty())
                .distinct()
                .toList();
        if (f.type().hasOptions() && options.isEmpty()) {
            errors.put("options", "a dropdown or multi-select needs at least one option");
        }
        if (options.size() > 200 || options.stream().anyMatch(o -> o.length() > 100)) {
            errors.put("options", "at most 200 options of at most 100 characters");
        }
        String help = f.helpText() == null || f.helpText().isBlank()
                ? null
                : f.helpText().strip();
        if (help != null && help.length() > 500) {
            errors.put("helpText", "must be at most 500 characters");
        }
        if (f.subject() == FieldSubject.CUSTOMER) {
            // A customer is solved by no one and belongs to no team: these say something of cases only.
            if (f.requiredToSolve()) {
                errors.put(
                        "requiredToSolve",
                        "only a case field can be needed before a case is solved; a customer field cannot");
            }
            if (f.teamId() != null) {
                errors.put("teamId", "a customer field is for every customer; only a case field belongs to a team");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new SaveField(
                f.subject(),
                name,
                f.apiKey() == null ? "" : f.apiKey().strip(),
                f.type(),
                help,
                f.requiredToSolve(),
                f.teamId(),
                f.type().hasOptions() ? options : List.of());
    }

    private static void requireAdmin(SignedInAgent by) {
        if (!by.isAdmin()) {
            throw new AccessDeniedException("Only admins define custom fields");
        }
    }
}
