package dev.casekeeper.cases;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Merges and links of cases ({@code casekeeper.cases.relations.*}).
 *
 * @param undoPeriod how long after a merge or a link a supervisor may still undo it
 */
@ConfigurationProperties("casekeeper.cases.relations")
public record CaseRelationSettings(@DefaultValue("7d") Duration undoPeriod) {

    public CaseRelationSettings {
        if (undoPeriod.isNegative()) {
            throw new IllegalArgumentException("casekeeper.cases.relations.undo-period must not be negative");
        }
    }
}
