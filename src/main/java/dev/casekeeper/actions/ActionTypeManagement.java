package dev.casekeeper.actions;

import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.webhooks.SignedPost;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The action types admins define: every agent reads them (to propose one), admins add and change
 * them. A type is never deleted, since actions on cases name it; an inactive one is no longer offered.
 */
@Service
@Transactional
public class ActionTypeManagement {

    static final int MAX_NAME = 100;
    static final int MAX_FIELDS = 10;
    static final int MAX_LABEL = 100;
    static final int MAX_NEXT_STEPS = 1000;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final ActionTypeQueries types;
    private final ActionSecrets secrets;
    private final MessageSource messages;
    private final Clock clock;

    ActionTypeManagement(ActionTypeQueries types, ActionSecrets secrets, MessageSource messages, Clock clock) {
        this.types = types;
        this.secrets = secrets;
        this.messages = messages;
        this.clock = clock;
    }

    /** Every type, active ones first; or only those agents may propose now. */
    @Transactional(readOnly = true)
    public List<ActionType> list(boolean activeOnly) {
        return types.all().stream().filter(t -> !activeOnly || t.active()).toList();
    }

    @Transactional(readOnly = true)
    public ActionType find(UUID id) {
        return types.find(id)
                .map(ActionTypeQueries.Stored::type)
                .orElseThrow(() -> new NotFoundException("Action type", id));
    }

    /** An admin adds a type; its endpoint's signing secret, if it has one, is in the answer this once. */
    public SavedActionType create(SaveActionType form, SignedInAgent by) {
        requireAdmin(by);
        var id = UUID.randomUUID();
        var type = validate(id, form, null);
        String secret = null;
        String sealed = null;
        if (type.connected()) {
            secret = secrets.newSecret();
            sealed = secrets.seal(secret, id);
        }
        types.insert(type, sealed);
        return new SavedActionType(type, secret);
    }

    /**
     * An admin replaces a type's definition. Its endpoint keeps its secret; one is made (and answered
     * this once) when the type is connected for the first time, and it is dropped when disconnected.
     */
    public SavedActionType update(UUID id, SaveActionType form, SignedInAgent by) {
        requireAdmin(by);
        var stored = types.find(id).orElseThrow(() -> new NotFoundException("Action type", id));
        var type = validate(id, form, stored.type());
        String secret = null;
        String sealed = type.connected() ? stored.sealedSecret() : null;
        if (type.connected() && sealed == null) {
            secret = secrets.newSecret();
            sealed = secrets.seal(secret, id);
        }
        types.update(type, sealed);
        return new SavedActionType(type, secret);
    }

    /** What a new type of this kind starts from, for the admin's form. */
    @Transactional(readOnly = true)
    public SaveActionType defaults(ActionKind kind, Locale locale) {
        return new SaveActionType(
                "",
                kind.value(),
                kind.hasAmount(),
                kind.hasAmount() ? "EUR" : null,
                kind.hasAmount() ? new BigDecimal("50") : null,
                kind.hasAmount() ? new BigDecimal("500") : null,
                kind.minRole().value(),
                kind.fields(),
                defaultNextSteps(kind, locale),
                null,
                true);
    }

    private String defaultNextSteps(ActionKind kind, Locale locale) {
        return messages.getMessage("actions.kind." + kind.value() + ".nextSteps", null, locale);
    }

    private ActionType validate(UUID id, SaveActionType form, @Nullable ActionType before) {
        var errors = new java.util.LinkedHashMap<String, String>();
        var name = strip(form.name());
        if (name == null || name.length() > MAX_NAME) {
            errors.put("name", "give the action a name of 1 to " + MAX_NAME + " characters");
        } else if (types.nameTaken(name, before == null ? null : id)) {
            errors.put("name", "another action is called that already");
        }
        ActionKind kind = null;
        try {
            kind = ActionKind.of(strip(form.kind()) == null ? "" : strip(form.kind()));
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
        }
        if (kind == null) {
            throw new InvalidInputException(errors);
        }
        boolean hasAmount = form.hasAmount() != null ? form.hasAmount() : kind.hasAmount();
        String currency = null;
        BigDecimal agentLimit = null;
        BigDecimal supervisorLimit = null;
        if (hasAmount) {
            currency = strip(form.currency()) == null ? "EUR" : strip(form.currency());
            if (!CURRENCY.matcher(currency).matches()) {
                errors.put("currency", "give a three-letter currency code such as EUR or USD");
            }
            agentLimit = limit(form.agentLimit(), "agentLimit", errors);
            supervisorLimit = limit(form.supervisorLimit(), "supervisorLimit", errors);
            if (agentLimit != null && supervisorLimit != null && supervisorLimit.compareTo(agentLimit) < 0) {
                errors.put("supervisorLimit", "must be at least the agents' limit");
            }
        } else if (form.agentLimit() != null || form.supervisorLimit() != null) {
            errors.put("agentLimit", "limits are amounts: this action has no amount, set its lowest role instead");
        }
        Role minRole = kind.minRole();
        if (strip(form.minRole()) != null) {
            try {
                minRole = Role.from(strip(form.minRole()));
            } catch (IllegalArgumentException e) {
                errors.put("minRole", "is agent, supervisor or admin");
            }
        }
        var fields = fields(form.fields() == null ? kind.fields() : form.fields(), errors);
        var nextSteps = strip(form.nextSteps());
        if (nextSteps == null) {
            nextSteps = defaultNextSteps(kind, Locale.ENGLISH);
        }
        if (nextSteps.length() > MAX_NEXT_STEPS) {
            errors.put("nextSteps", "must be at most " + MAX_NEXT_STEPS + " characters");
        }
        var url = strip(form.endpointUrl());
        if (url != null) {
            try {
                SignedPost.checkUrl(url, "endpointUrl");
            } catch (InvalidInputException e) {
                errors.putAll(e.fieldErrors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ActionType(
                id,
                name,
                kind,
                hasAmount,
                currency,
                agentLimit,
                supervisorLimit,
                minRole,
                fields,
                nextSteps,
                url,
                form.active() == null || form.active(),
                before == null ? clock.instant() : before.createdAt());
    }

    private static @Nullable BigDecimal limit(
            @Nullable BigDecimal value, String field, java.util.Map<String, String> errors) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0
                || value.compareTo(MAX_AMOUNT) > 0
                || value.stripTrailingZeros().scale() > 2) {
            errors.put(
                    field, "must be an amount from 0 to " + MAX_AMOUNT.toPlainString() + " with at most two decimals");
            return null;
        }
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private static List<ActionField> fields(List<ActionField> given, java.util.Map<String, String> errors) {
        if (given.size() > MAX_FIELDS) {
            errors.put("fields", "an action has at most " + MAX_FIELDS + " fields");
            return List.of();
        }
        var keys = new HashSet<String>();
        var fields = new ArrayList<ActionField>();
        for (var field : given) {
            if (field == null) {
                errors.put("fields", "a field cannot be empty");
                continue;
            }
            var key = strip(field.key());
            var label = strip(field.label());
            if (key == null || !KEY.matcher(key).matches() || key.equals("amount") || key.equals("currency")) {
                errors.put(
                        "fields",
                        "a field's key is 1 to 40 lower-case letters, digits or hyphens, starting with a letter"
                                + " (not amount or currency)");
            } else if (!keys.add(key)) {
                errors.put("fields", "two fields have the key " + key);
            } else if (label == null || label.length() > MAX_LABEL) {
                errors.put("fields", "give the field " + key + " a label of 1 to " + MAX_LABEL + " characters");
            } else {
                fields.add(new ActionField(key, label, field.required()));
            }
        }
        return List.copyOf(fields);
    }

    static void requireAdmin(SignedInAgent by) {
        if (!by.isAdmin()) {
            throw new AccessDeniedException("Only admins define actions");
        }
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
