package dev.casekeeper.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The few htmx request and response headers the workspace uses. */
final class Htmx {

    private Htmx() {}

    /** An htmx request that replaces part of a page (a boosted link loads a whole page). */
    static boolean isPartial(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-Boosted"));
    }

    /** Tells the page a case changed, so every part showing it loads afresh. */
    static void caseChanged(HttpServletResponse response, long number) {
        response.setHeader("HX-Trigger", caseChangedEvent(number));
    }

    static String caseChangedEvent(long number) {
        return "case-changed-" + number;
    }
}
