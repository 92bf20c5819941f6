package dev.casekeeper.fields;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Stored values as people read them, in the reader's language. */
@Component
class FieldTexts {

    private final MessageSource messages;

    FieldTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(Field field, Object stored) {
        var locale = LocaleContextHolder.getLocale();
        return FieldValues.text(
                field,
                stored,
                messages.getMessage("fields.yes", null, locale),
                messages.getMessage("fields.no", null, locale));
    }
}
