/**
 * Telephony: Casekeeper integrates with a phone system rather than being one. Signed call events
 * (Casekeeper's own webhook, or an adapter for a phone system's own requests such as Twilio's) are
 * stored before they are acknowledged and make each call a live contact on routing's {@code phone}
 * channel, attached to a case of the caller; the case page's call panel, the wrap-up, and queue
 * positions for an IVR.
 */
@ApplicationModule(
        displayName = "Telephony",
        allowedDependencies = {
            "agents",
            "cases",
            "cases :: events",
            "customers",
            "routing",
            "routing :: events",
            "shared"
        })
@NullMarked
package dev.casekeeper.telephony;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
