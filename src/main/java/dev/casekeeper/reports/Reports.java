package dev.casekeeper.reports;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Reports for a signed-in agent, within what they may see; and the rebuild of the facts. */
@Service
class Reports {

    private static final Logger log = LoggerFactory.getLogger(Reports.class);
    private static final int REBUILD_PAGE = 500;

    private final ReportQueries queries;
    private final ReportFields fields;
    private final ReportAccess access;
    private final FactWriter facts;
    private final CaseLookup cases;
    private final ReportsSettings settings;
    private final Clock clock;

    Reports(
            ReportQueries queries,
            ReportFields fields,
            ReportAccess access,
            FactWriter facts,
            CaseLookup cases,
            ReportsSettings settings,
            Clock clock) {
        this.queries = queries;
        this.fields = fields;
        this.access = access;
        this.facts = facts;
        this.cases = cases;
        this.settings = settings;
        this.clock = clock;
    }

    /** Today in the desk's zone. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), settings.zone());
    }

    Report report(ReportRequest request, SignedInAgent me) {
        var parsed = request.parse(today(), fields);
        var query = parsed.query(access.scope(me, parsed.team(), parsed.agent()));
        return queries.read(() -> report(query));
    }

    private Report report(ReportQuery query) {
        var periods = queries.byPeriodAndTotal(query);
        var rows = periods.rows();
        var total = periods.total();
        if (query.byField() == null) {
            return new Report(query, rows, total, settings.silentFactor());
        }
        var field = fields.find(query.byField());
        if (field == null) { // removed since the request was checked
            throw new InvalidInputException("byField", ReportFields.UNKNOWN);
        }
        var found = queries.byFieldValue(query);
        var byValue = ReportFields.order(field, found.keySet()).stream()
                .map(v -> new Report.FieldValueFigures(v, found.getOrDefault(v, ReportQueries.empty())))
                .toList();
        return new Report(query, rows, total, settings.silentFactor(), field, byValue);
    }

    /**
     * Works out again the facts of every case created on the days {@code from} to {@code to} (the
     * desk's zone), for admins: after the zone changed, or to fill the facts of cases from before
     * reports existed. Returns how many cases it refreshed.
     */
    int rebuild(LocalDate from, LocalDate to, SignedInAgent me) {
        if (!me.isAdmin()) {
            throw new AccessDeniedException("Only admins rebuild reports");
        }
        int refreshed = refreshCreated(from, to);
        log.info("Reports rebuilt for {} cases created {} to {}, by {}", refreshed, from, to, me.id());
        return refreshed;
    }

    /**
     * Works out again the facts of every case created on the days {@code from} to {@code to}; for
     * the rebuild and the nightly reconcile. Returns how many cases it refreshed.
     */
    int refreshCreated(LocalDate from, LocalDate to) {
        int refreshed = refreshEach(from, to);
        int relinked = facts.relinkRequestersOfCasesCreated(from, to);
        if (relinked > 0) {
            log.info(
                    "Reports: the previous case of {} cases of customers with cases created {} to {} corrected",
                    relinked,
                    from,
                    to);
        }
        return refreshed;
    }

    private int refreshEach(LocalDate from, LocalDate to) {
        int refreshed = 0;
        @Nullable String cursor = null;
        var before = to.plusDays(1).atStartOfDay(settings.zone()).toInstant();
        do {
            var page = cases.everyCase(before, cursor, REBUILD_PAGE);
            for (var kase : page.items()) {
                var day = CaseFacts.day(kase.createdAt(), settings.zone());
                if (day.isBefore(from)) {
                    return refreshed;
                }
                if (!day.isAfter(to)) {
                    facts.refreshCase(kase.id());
                    refreshed++;
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return refreshed;
    }
}
