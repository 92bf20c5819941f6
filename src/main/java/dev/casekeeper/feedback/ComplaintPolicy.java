package dev.casekeeper.feedback;

import dev.casekeeper.cases.Priority;
import dev.casekeeper.sla.PolicyConditions;
import dev.casekeeper.sla.SavePolicy;
import dev.casekeeper.sla.SlaCalendar;
import dev.casekeeper.sla.SlaManagement;
import dev.casekeeper.sla.Targets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Complaint cases have an SLA of their own: with the first complaint in a database, the policy
 * {@value #NAME} is created, tried before the standard one (position {@value #POSITION}) and matching
 * the complaint tag, with shorter targets. Created once: an admin may change or delete it afterwards
 * and it does not come back (docs/portal.md).
 */
@Component
class ComplaintPolicy {

    static final String NAME = "Complaints";
    static final int POSITION = 10;
    private static final Logger log = LoggerFactory.getLogger(ComplaintPolicy.class);

    /** Business minutes; a business day of the default calendar is eight open hours. */
    static final Map<Priority, Targets> TARGETS = Map.of(
            Priority.URGENT, new Targets(60, 60, 240),
            Priority.HIGH, new Targets(120, 240, 960),
            Priority.NORMAL, new Targets(240, 480, 1440),
            Priority.LOW, new Targets(480, 480, 2400));

    private final SlaManagement sla;
    private final RemarkQueries remarks;
    private final FeedbackSettings settings;
    private final Clock clock;

    ComplaintPolicy(SlaManagement sla, RemarkQueries remarks, FeedbackSettings settings, Clock clock) {
        this.sla = sla;
        this.remarks = remarks;
        this.settings = settings;
        this.clock = clock;
    }

    /** Creates the policy unless this database already had it once; in the caller's transaction. */
    void ensure() {
        List<SlaCalendar> calendars = sla.calendars();
        if (calendars.isEmpty()) {
            return; // no calendar to count in yet: tried again with the next complaint
        }
        if (!remarks.firstTime("complaint-policy", clock.instant())) {
            return;
        }
        var calendar = calendars.stream()
                .min(Comparator.comparing(SlaCalendar::createdAt))
                .orElseThrow();
        if (sla.policies().stream().anyMatch(p -> p.name().strip().equalsIgnoreCase(NAME))) {
            log.info("SLA policy {} not created: a policy of that name exists", NAME);
            return;
        }
        sla.createPolicy(new SavePolicy(
                NAME,
                POSITION,
                calendar.id(),
                new PolicyConditions(
                        List.of(), List.of(), List.of(), List.of(settings.complaintTag()), List.of(), List.of()),
                TARGETS,
                false,
                null));
        log.info("SLA policy {} created for complaint cases", NAME);
    }
}
