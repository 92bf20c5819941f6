package dev.casekeeper.web;

import dev.casekeeper.shared.StorableText;
import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text bound from a request (form fields, query and path parameters) holds nothing Casekeeper
 * cannot store: such a value is a binding error of its field ({@code typeMismatch}), so a form
 * shows it beside the field and keeps what was typed.
 */
@ControllerAdvice
class FormText {

    @InitBinder
    void storableTextOnly(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StorableTextEditor());
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
}
