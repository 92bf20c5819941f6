package dev.casekeeper.portal;

import java.time.Instant;
import java.util.Locale;

/** Times as the portal's pages show them ({@code ${times.of(at)}}), in the page's language. */
record PortalTimes(Locale locale) {

    public String of(Instant at) {
        return PortalCases.format(at, locale);
    }
}
