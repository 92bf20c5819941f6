package dev.casekeeper.agents.web;

import dev.casekeeper.agents.WeakPasswordException;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * Runs a facade call for a form; a refusal becomes an error beside the field it is about (or
 * above the form), so the page comes back with it and with what was typed.
 */
final class FormErrors {

    private FormErrors() {}

    /**
     * Whether the action ran. {@code conflictFields} names the form field a refusal's code is
     * about (an email already taken belongs beside the email).
     */
    static boolean run(BindingResult errors, Map<String, String> conflictFields, Runnable action) {
        if (errors.hasErrors()) {
            return false;
        }
        try {
            action.run();
            return true;
        } catch (WeakPasswordException e) {
            // Why, in the reader's language: the message bundle's text of the reason.
            e.fieldErrors()
                    .keySet()
                    .forEach(field -> reject(errors, field, e.messageCode(), e.messageArguments(), e.getMessage()));
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) -> reject(errors, field, message));
        } catch (ConflictException e) {
            String field = conflictFields.get(e.code());
            if (field == null) {
                errors.reject(e.code(), e.getMessage());
            } else {
                reject(errors, field, e.getMessage());
            }
        } catch (NotFoundException e) {
            errors.reject("not-found", e.getMessage());
        }
        return false;
    }

    private static void reject(BindingResult errors, String field, String message) {
        reject(errors, field, "invalid", null, message);
    }

    private static void reject(
            BindingResult errors, String field, String code, Object @Nullable [] arguments, String message) {
        if (errors.getFieldType(field) != null) {
            errors.rejectValue(field, code, arguments, message);
        } else {
            errors.reject(code, arguments, message);
        }
    }

    /** A refused form answers 409 when a rule refused it, 422 when the input was invalid. */
    static int status(BindingResult errors) {
        return errors.getFieldErrors().isEmpty()
                        && errors.getGlobalErrors().stream().noneMatch(e -> "invalid".equals(e.getCode()))
                ? 409
                : 422;
    }
}
