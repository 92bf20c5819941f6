package dev.casekeeper.sla;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import dev.casekeeper.cases.Priority;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh install has sensible SLAs: a Monday-to-Friday 09:00-17:00 calendar in the server's time
 * zone and a standard policy for every case (a business day is eight open hours). Created once, on
 * the first start with no calendar; admins change or replace them afterwards.
 */
@Component
class DefaultSla implements ApplicationRunner {

    static final String CALENDAR = "Business hours";
    static final String POLICY = "Standard";

    private static final Logger log = LoggerFactory.getLogger(DefaultSla.class);
    private static final long LOCK_KEY = 0x436b536c61446566L; // any constant shared by all nodes

    private final SlaManagement sla;
    private final CalendarQueries calendars;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    DefaultSla(SlaManagement sla, CalendarQueries calendars, TransactionTemplate transactions, JdbcClient jdbc) {
        this.sla = sla;
        this.calendars = calendars;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            // Two nodes starting together on an empty database create one default, not two.
            jdbc.sql("select pg_advisory_xact_lock(:key)")
                    .param("key", LOCK_KEY)
                    .query()
                    .singleRow();
            if (calendars.count() > 0) {
                return;
            }
            var zone = ZoneId.systemDefault();
            var calendar = sla.createCalendar(new SaveCalendar(
                    CALENDAR,
                    zone.getId(),
                    List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY).stream()
                            .map(day -> new OpeningHours(day, 9 * 60, 17 * 60))
                            .toList(),
                    List.of()));
            sla.createPolicy(new SavePolicy(
                    POLICY,
                    1000,
                    calendar.id(),
                    PolicyConditions.ANY,
                    Map.of(
                            Priority.URGENT, new Targets(60, 60, 4 * 60),
                            Priority.HIGH, new Targets(4 * 60, 4 * 60, 8 * 60),
                            Priority.NORMAL, new Targets(8 * 60, 8 * 60, 3 * 8 * 60),
                            Priority.LOW, new Targets(8 * 60, 8 * 60, 5 * 8 * 60)),
                    false,
                    3));
            log.info(
                    "Created the default SLA: calendar '{}' (Mon-Fri 09:00-17:00, {}) and policy '{}'",
                    CALENDAR,
                    zone,
                    POLICY);
        });
    }
}
