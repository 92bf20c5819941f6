package dev.casekeeper.reports;

import java.time.ZoneId;
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
 */
@ConfigurationProperties("casekeeper.reports")
record ReportsSettings(
        @Nullable ZoneId zone,
        @DefaultValue("26") double silentFactor,
        @DefaultValue Datasource datasource,
        @DefaultValue("7") int repeatDays) {

    ReportsSettings {
        if (zone == null) {
            zone = ZoneId.systemDefault();
        }
    }

    /** A read replica; with no {@code url}, reports read from the primary database. */
    record Datasource(
            @Nullable String url,
            @Nullable String username,
            @Nullable String password) {}
}
