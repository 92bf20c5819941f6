package dev.casekeeper.callbacks.web;

import dev.casekeeper.callbacks.CallbackWindow;
import org.jspecify.annotations.Nullable;

/**
 * A callback promised on the case page: where to call, and the window in the agent's own zone
 * ({@code zone} is filled in by the page from the browser; without script the times count as UTC).
 * Without a window, the default one from now.
 */
public record PromiseCallbackForm(
        @Nullable String phone,
        @Nullable String email,
        @Nullable String windowFrom,
        @Nullable String windowUntil,
        @Nullable String note,
        @Nullable String zone) {

    static PromiseCallbackForm empty() {
        return new PromiseCallbackForm("", "", "", "", "", "");
    }

    @Nullable
    CallbackWindow window() {
        return TypedWindow.parse(
                windowFrom, windowUntil, zone, "windowFrom", "give both the start and the end of the window");
    }
}
