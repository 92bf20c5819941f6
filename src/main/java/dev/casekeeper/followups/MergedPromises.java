package dev.casekeeper.followups;

import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CasesMerged;
import dev.casekeeper.events.Reactions;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A duplicate merged into another case hands its open promises and check-ins to that case, in the
 * merge's transaction (ADR 0015): whoever works the target sees them and keeps them there. Undoing the
 * merge leaves them where the work now goes on.
 */
@Component
class MergedPromises {

    /** The move could not run with the merge: again, after it committed. */
    record MoveDeferred(CasesMerged merged) {}

    private final JdbcClient jdbc;
    private final CaseLookup lookup;
    private final Reactions reactions;

    MergedPromises(JdbcClient jdbc, CaseLookup lookup, Reactions reactions) {
        this.jdbc = jdbc;
        this.lookup = lookup;
        this.reactions = reactions;
    }

    @EventListener
    void on(CasesMerged merged) {
        reactions.run(() -> move(merged), new MoveDeferred(merged));
    }

    @ApplicationModuleListener
    void on(MoveDeferred deferred) {
        move(deferred.merged());
    }

    /** Idempotent: a second run finds nothing open left on the duplicate. */
    private void move(CasesMerged merged) {
        var target = lookup.summary(merged.targetId());
        jdbc.sql("""
                        update followups.followup
                        set case_id = :target, case_number = :number, case_subject = :subject
                        where case_id = :source and state = 'open'
                        """)
                .param("target", target.id().value())
                .param("number", target.number())
                .param("subject", target.subject())
                .param("source", merged.sourceId().value())
                .update();
    }
}
