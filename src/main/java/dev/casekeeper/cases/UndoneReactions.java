package dev.casekeeper.cases;

import dev.casekeeper.events.ReactionUndone;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A reaction's writes were rolled back: outlines read since may show them, so they are read again. */
@Component
class UndoneReactions {

    @EventListener
    void on(ReactionUndone undone) {
        TransactionOutlines.forget();
    }
}
