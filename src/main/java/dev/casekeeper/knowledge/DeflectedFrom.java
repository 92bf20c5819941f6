package dev.casekeeper.knowledge;

import java.util.Locale;

/** Where a suggested article answered a customer, who then did not write: the web form or the chat widget. */
public enum DeflectedFrom {
    WEB_FORM,
    CHAT;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
