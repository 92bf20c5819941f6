package dev.casekeeper.callbacks;

import dev.casekeeper.shared.AcceptedDates;
import dev.casekeeper.shared.InvalidInputException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The rules of a window promised to a customer: it ends in the future, not too far ahead, and is not too long. */
@Component
class CallbackWindows {

    private final CallbacksSettings settings;

    CallbackWindows(CallbacksSettings settings) {
        this.settings = settings;
    }

    CallbackWindow orDefault(@Nullable CallbackWindow window, Instant now) {
        return window == null
                ? CallbackWindow.startingAt(now, settings.defaultWindow())
                : check(window, now, "windowFrom");
    }

    CallbackWindow check(CallbackWindow window, Instant now, String field) {
        if (!AcceptedDates.contains(window.from()) || !AcceptedDates.contains(window.until())) {
            throw new InvalidInputException(field, AcceptedDates.PROBLEM);
        }
        if (!window.until().isAfter(window.from())) {
            throw new InvalidInputException(field, "the window must end after it starts");
        }
        if (!window.until().isAfter(now)) {
            throw new InvalidInputException(field, "the window must end in the future");
        }
        if (window.until().isAfter(now.plus(settings.furthestAhead()))) {
            throw new InvalidInputException(
                    field,
                    "the window must end within " + settings.furthestAhead().toDays() + " days");
        }
        if (window.length().compareTo(settings.longestWindow()) > 0) {
            throw new InvalidInputException(
                    field,
                    "the window may last at most " + settings.longestWindow().toHours() + " hours");
        }
        return window;
    }
}
