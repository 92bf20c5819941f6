package dev.casekeeper.web;

import dev.casekeeper.shared.StorableText;
import java.beans.PropertyEditorSupport;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text bound from a request (form fields, query and path parameters) holds nothing Casekeeper
 * cannot store ({@link StorableText}). A form's text is checked when the form is validated
 * ({@code @Valid}), so the form is still built and shows the reason beside the field with what
 * was typed (code {@code unstorable}); a single parameter's text is refused as it is converted
 * ({@code typeMismatch}, a 400 page).
 */
@ControllerAdvice
class FormText {

    private static final Validator STORABLE = new StorableFields();

    @InitBinder
    void storableTextOnly(WebDataBinder binder) {
        if (binder.getTargetType() == null && binder.getTarget() == null) {
            binder.registerCustomEditor(String.class, new StorableTextEditor());
        } else {
            binder.addValidators(STORABLE);
        }
    }

    static final class StorableTextEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (text != null && !StorableText.isStorable(text)) {
                throw new UnstorableTextException(StorableText.problem(text));
            }
            setValue(text);
        }
    }

    /** Why a bound value was refused; the page's error shows this text. */
    static final class UnstorableTextException extends IllegalArgumentException {
        UnstorableTextException(String message) {
            super(message);
        }
    }

    /** Rejects each text field of a form record (or text in its lists and maps) that cannot be stored. */
    static final class StorableFields implements Validator {

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }

        @Override
        public void validate(Object target, Errors errors) {
            if (!target.getClass().isRecord()) {
                return;
            }
            for (RecordComponent component : target.getClass().getRecordComponents()) {
                if (unstorable(value(component, target)) instanceof String bad) {
                    errors.rejectValue(component.getName(), "unstorable", StorableText.problem(bad));
                }
            }
        }

        private static @Nullable Object value(RecordComponent component, Object target) {
            try {
                var accessor = component.getAccessor();
                accessor.setAccessible(true);
                return accessor.invoke(target);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
        }

        /** The first text in the value that cannot be stored, or null. */
        private static @Nullable Object unstorable(@Nullable Object value) {
            if (value instanceof String text) {
                return StorableText.isStorable(text) ? null : text;
            }
            if (value instanceof Collection<?> values) {
                return values.stream()
                        .map(StorableFields::unstorable)
                        .filter(v -> v != null)
                        .findFirst()
                        .orElse(null);
            }
            if (value instanceof Map<?, ?> map) {
                return map.entrySet().stream()
                        .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                        .map(StorableFields::unstorable)
                        .filter(v -> v != null)
                        .findFirst()
                        .orElse(null);
            }
            return null;
        }
    }
}
