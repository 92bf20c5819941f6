package dev.casekeeper.assist;

import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the alerted supervisors that a case turned heated, in their workspace notifications (the
 * bell), beside the alert the assist module keeps. One notification per heated message: a
 * redelivered event finds the key taken and tells nobody twice.
 */
@Component
class HeatedNotifications {

    static final String KIND = "case_heated";

    private final CaseLookup cases;
    private final NotificationManagement notifications;

    HeatedNotifications(CaseLookup cases, NotificationManagement notifications) {
        this.cases = cases;
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(CaseHeated heated) {
        if (heated.supervisorIds().isEmpty()) {
            return;
        }
        var kase = cases.summary(heated.caseId());
        String why = heated.supervisorRequested()
                ? "the customer asked for a supervisor"
                : "frustration " + heated.score() + "/100 (" + SignalWords.of(heated.signals()) + ")";
        String text = "Case #%d \"%s\" is heated: %s".formatted(kase.number(), kase.subject(), why);
        notifications.notify(Notify.of(
                heated.supervisorIds(),
                KIND,
                heated.caseId().value(),
                text,
                "assist:" + heated.caseId().value() + ":heated:" + heated.entryId()));
    }
}
