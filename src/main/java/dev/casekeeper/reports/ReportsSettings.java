package dev.casekeeper.reports;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reports (docs/configuration.md).
 *
 * @param zone the desk's zone: days, weeks and months of every report are this zone's; when it
 *     changes, rebuild the facts (docs/reports.md)
 * @param silentFactor dissatisfied customers who stay silent for every one who complains (seed 002: 26)
 * @param datasource where reports read: a read replica of the database, else the primary
 * @param repeatDays a case counts as a repeat contact when its customer opened another case this
 *     many days before it or fewer
 * @param reconcile the nightly reconcile of the facts
 * @param workMem PostgreSQL's {@code work_mem} for a report's reads (set for its transaction only): the
 *     memory each sort of a percentile may take before it spills to disk
 */
@ConfigurationProperties("casekeeper.reports")
record ReportsSettings(
        @Nullable ZoneId zone,
        @DefaultValue("26") double silentFactor,
        @DefaultValue Datasource datasource,
        @DefaultValue("7") int repeatDays,
        @DefaultValue Reconcile reconcile,
        @DefaultValue("64MB") String workMem) {

    ReportsSettings {
        if (zone == null) {
            zone = ZoneId.systemDefault();
        }
        if (!workMem.matches("[1-9][0-9]{0,6}(kB|MB|GB)")) {
            throw new IllegalArgumentException(
                    "casekeeper.reports.work-mem must be a size like 64MB (kB, MB or GB), not " + workMem);
        }
    }

    /**
     * Every day at {@code at} (the desk's zone), on one node, the facts of the cases created in the
     * last {@code days} days (today included) are worked out again from their timelines, as the
     * rebuild does; {@code days} 0 turns it off.
     */
    record Reconcile(
            @DefaultValue("03:30") String at,
            @DefaultValue("7") int days) {

        Reconcile {
            if (days < 0 || days > 366) {
                throw new IllegalArgumentException(
                        "casekeeper.reports.reconcile.days must be between 0 (off) and 366, not " + days);
            }
            try {
                LocalTime.parse(at);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "casekeeper.reports.reconcile.at must be a time of day like 03:30, not " + at, e);
            }
        }

        /** {@link #at} as a time of day. */
        LocalTime time() {
            return LocalTime.parse(at);
        }
    }

    /** A read replica; with no {@code url}, reports read from the primary database. */
    record Datasource(
            @Nullable String url,
            @Nullable String username,
            @Nullable String password) {}
}
