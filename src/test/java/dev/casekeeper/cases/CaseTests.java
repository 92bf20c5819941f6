package dev.casekeeper.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.shared.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rules the case aggregate holds, without a database: each accepted change is remembered, a refused one leaves no trace. */
class CaseTests {

    static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant LATER = OPENED.plus(Duration.ofHours(2));

    final AgentId maria = new AgentId(UUID.randomUUID());
    final AgentId priya = new AgentId(UUID.randomUUID());
    final TeamId billing = new TeamId(UUID.randomUUID());
    final TeamId support = new TeamId(UUID.randomUUID());

    @Test
    void movesAlongAnAllowedTransitionAndRemembersBeforeAndAfter() {
        var kase = aCase().build();

        kase.moveTo(CaseStatus.PENDING, LATER);

        assertThat(kase.status).isEqualTo(CaseStatus.PENDING);
        assertThat(kase.changes()).containsExactly(new Case.FieldChange("status", "new", "pending"));
    }

    @Test
    void refusesATransitionOutsideTheTableAndChangesNothing() {
        var kase = aCase().build();

        assertThatThrownBy(() -> kase.moveTo(CaseStatus.CLOSED, LATER))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("status-transition");
                    assertThat(e.getMessage()).contains("new", "closed", "allowed: on_hold, open, pending, solved");
                });
        assertThat(kase.status).isEqualTo(CaseStatus.NEW);
        assertThat(kase.closedAt).isNull();
        assertThat(kase.changes()).isEmpty();
    }

    @Test
    void saysAClosedCaseIsFinalWhenItIsAskedToMove() {
        var kase = aCase().status(CaseStatus.CLOSED).build();

        assertThatThrownBy(() -> kase.moveTo(CaseStatus.OPEN, LATER))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.getMessage()).contains("final"));
        assertThat(kase.status).isEqualTo(CaseStatus.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void movingToTheStatusItHasChangesNothing(CaseStatus status) {
        var kase = aCase().status(status).build();

        kase.moveTo(status, LATER);

        assertThat(kase.status).isEqualTo(status);
        assertThat(kase.changes()).isEmpty();
    }

    @Test
    void solvingStampsTheTimeAndReopeningClearsIt() {
        var kase = aCase().status(CaseStatus.OPEN).build();

        kase.moveTo(CaseStatus.SOLVED, LATER);
        assertThat(kase.solvedAt).isEqualTo(LATER);

        kase.moveTo(CaseStatus.OPEN, LATER.plusSeconds(60));
        assertThat(kase.solvedAt).isNull();
        assertThat(kase.changes()).extracting(Case.FieldChange::after).containsExactly("solved", "open");
    }

    @Test
    void closingStampsTheTimeAndKeepsWhenItWasSolved() {
        var kase = aCase().status(CaseStatus.SOLVED).solvedAt(LATER).build();

        kase.moveTo(CaseStatus.CLOSED, LATER.plusSeconds(3600));

        assertThat(kase.closedAt).isEqualTo(LATER.plusSeconds(3600));
        assertThat(kase.solvedAt).isEqualTo(LATER);
        assertThat(kase.isClosed()).isTrue();
    }

    @Test
    void theFirstReplyStopsTheFirstResponseClockAndOpensANewCase() {
        var kase = aCase().build();

        kase.replied(LATER);
        kase.replied(LATER.plusSeconds(600));

        assertThat(kase.firstResponseAt).isEqualTo(LATER);
        assertThat(kase.status).isEqualTo(CaseStatus.OPEN);
        assertThat(kase.changes()).containsExactly(new Case.FieldChange("status", "new", "open"));
    }

    @Test
    void aReplyToACaseWaitingOnTheCustomerKeepsItWaiting() {
        var kase = aCase().status(CaseStatus.PENDING).build();

        kase.replied(LATER);

        assertThat(kase.status).isEqualTo(CaseStatus.PENDING);
        assertThat(kase.changes()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = CaseStatus.class,
            names = {"PENDING", "ON_HOLD", "SOLVED"})
    void aCustomerMessageOpensACaseThatWaitedOrWasSolved(CaseStatus status) {
        var kase = aCase().status(status)
                .solvedAt(status == CaseStatus.SOLVED ? OPENED : null)
                .build();

        kase.customerWrote(LATER);

        assertThat(kase.status).isEqualTo(CaseStatus.OPEN);
        assertThat(kase.solvedAt).isNull();
        assertThat(kase.changes()).containsExactly(new Case.FieldChange("status", status.value(), "open"));
    }

    @ParameterizedTest
    @EnumSource(
            value = CaseStatus.class,
            names = {"NEW", "OPEN"})
    void aCustomerMessageLeavesACaseNobodyWaitsOnAsItIs(CaseStatus status) {
        var kase = aCase().status(status).build();

        kase.customerWrote(LATER);

        assertThat(kase.status).isEqualTo(status);
        assertThat(kase.changes()).isEmpty();
    }

    @Test
    void aClosedCaseTakesNoReplyAssignmentOrTransfer() {
        var kase = aCase().status(CaseStatus.CLOSED).owner(maria).build();

        for (Runnable change : List.<Runnable>of(
                () -> kase.replied(LATER),
                () -> kase.assign(priya),
                () -> kase.transferToAgent(priya, null),
                () -> kase.transferToTeam(billing))) {
            assertThatThrownBy(change::run)
                    .isInstanceOfSatisfying(
                            ConflictException.class, e -> assertThat(e.code()).isEqualTo("case-closed"));
        }
        assertThat(kase.ownerId).isEqualTo(maria.value());
        assertThat(kase.firstResponseAt).isNull();
        assertThat(kase.changes()).isEmpty();
    }

    @Test
    void assigningAnUnownedCaseGivesItItsOwner() {
        var kase = aCase().build();

        kase.assign(maria);

        assertThat(kase.ownerId).isEqualTo(maria.value());
        assertThat(kase.changes()).containsExactly(new Case.FieldChange("owner", null, maria.toString()));
    }

    @Test
    void refusesToAssignAnOwnedCaseToSomeoneElse() {
        var kase = aCase().owner(maria).build();

        assertThatThrownBy(() -> kase.assign(priya)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("case-owned");
            assertThat(e.getMessage()).contains("transfer");
        });
        assertThat(kase.ownerId).isEqualTo(maria.value());
        assertThat(kase.changes()).isEmpty();
    }

    @Test
    void assigningTheOwnerAgainChangesNothing() {
        var kase = aCase().owner(maria).build();

        kase.assign(maria);

        assertThat(kase.ownerId).isEqualTo(maria.value());
        assertThat(kase.changes()).isEmpty();
    }

    @Test
    void aTransferToAnAgentReplacesTheOwnerAndMovesTheCaseToTheirTeam() {
        var kase = aCase().owner(maria).team(support).build();

        kase.transferToAgent(priya, billing);

        assertThat(kase.ownerId).isEqualTo(priya.value());
        assertThat(kase.teamId).isEqualTo(billing.value());
        assertThat(kase.changes())
                .extracting(Case.FieldChange::field, Case.FieldChange::before, Case.FieldChange::after)
                .containsExactly(
                        tuple("owner", maria.toString(), priya.toString()),
                        tuple("team", support.toString(), billing.toString()));
    }

    @Test
    void aTransferToAnAgentOfTheSameTeamKeepsTheTeam() {
        var kase = aCase().owner(maria).team(support).build();

        kase.transferToAgent(priya, null);

        assertThat(kase.teamId).isEqualTo(support.value());
        assertThat(kase.changes()).extracting(Case.FieldChange::field).containsExactly("owner");
    }

    @Test
    void refusesATransferToTheAgentWhoAlreadyOwnsTheCase() {
        var kase = aCase().owner(maria).team(support).build();

        assertThatThrownBy(() -> kase.transferToAgent(maria, billing))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("transfer-to-owner"));
        assertThat(kase.teamId).isEqualTo(support.value());
        assertThat(kase.changes()).isEmpty();
    }

    @Test
    void aTransferToATeamLeavesTheCaseUnownedInThatTeamsQueue() {
        var kase = aCase().owner(maria).team(support).build();

        kase.transferToTeam(billing);

        assertThat(kase.ownerId).isNull();
        assertThat(kase.teamId).isEqualTo(billing.value());
        assertThat(kase.changes())
                .extracting(Case.FieldChange::field, Case.FieldChange::before, Case.FieldChange::after)
                .containsExactly(
                        tuple("owner", maria.toString(), null), tuple("team", support.toString(), billing.toString()));
    }

    @Test
    void anOwnerCanHandACaseBackToTheQueueOfItsOwnTeam() {
        var kase = aCase().owner(maria).team(support).build();

        kase.transferToTeam(support);

        assertThat(kase.ownerId).isNull();
        assertThat(kase.teamId).isEqualTo(support.value());
        assertThat(kase.changes()).extracting(Case.FieldChange::field).containsExactly("owner");
    }

    @Test
    void refusesATransferToTheQueueTheCaseAlreadyWaitsIn() {
        var kase = aCase().team(support).build();

        assertThatThrownBy(() -> kase.transferToTeam(support))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("transfer-to-same-queue"));
        assertThat(kase.changes()).isEmpty();
    }

    @Test
    void recordsAPriorityOrTagsOnlyWhenTheyChange() {
        var kase = aCase().build();

        kase.prioritize(Priority.NORMAL);
        kase.retag(List.of("license"));
        kase.prioritize(Priority.URGENT);
        kase.retag(List.of("license", "vip"));

        assertThat(kase.priority).isEqualTo(Priority.URGENT);
        assertThat(kase.tags).containsExactly("license", "vip");
        assertThat(kase.changes())
                .containsExactly(
                        new Case.FieldChange("priority", "normal", "urgent"),
                        new Case.FieldChange("tags", "license", "license,vip"));
    }

    @Test
    void theSummaryShowsWhatTheCaseIsNow() {
        var kase = aCase().team(support).build();
        kase.assign(maria);
        kase.replied(LATER);

        var summary = kase.summary();

        assertThat(summary.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(summary.ownerId()).isEqualTo(maria);
        assertThat(summary.teamId()).isEqualTo(support);
        assertThat(summary.firstResponseAt()).isEqualTo(LATER);
        assertThat(summary.number()).isEqualTo(1042);
    }

    @Test
    void aReplyEndsTheCustomersWaitAndTheirNextMessageStartsANewOne() {
        var kase = aCase().build();
        assertThat(kase.waitingSince).isEqualTo(OPENED);

        kase.replied(LATER);
        assertThat(kase.waitingSince).isNull();

        kase.customerWrote(LATER.plusSeconds(60));
        kase.customerWrote(LATER.plusSeconds(120));
        assertThat(kase.waitingSince)
                .as("the wait runs from the first unanswered message")
                .isEqualTo(LATER.plusSeconds(60));
    }

    @Test
    void solvingACaseKeepsNobodyWaiting() {
        var kase = aCase().status(CaseStatus.OPEN).build();

        kase.moveTo(CaseStatus.SOLVED, LATER);

        assertThat(kase.waitingSince).isNull();
        assertThat(kase.summary().waitingSince()).isNull();
    }

    static CaseBuilder aCase() {
        return new CaseBuilder();
    }

    /** A case as it would be loaded: number 1042, normal priority, tagged "license", status new unless told. */
    static final class CaseBuilder {
        private CaseStatus status = CaseStatus.NEW;
        private @Nullable UUID owner;
        private @Nullable UUID team;
        private @Nullable Instant solvedAt;

        CaseBuilder status(CaseStatus status) {
            this.status = status;
            return this;
        }

        CaseBuilder owner(AgentId owner) {
            this.owner = owner.value();
            return this;
        }

        CaseBuilder team(TeamId team) {
            this.team = team.value();
            return this;
        }

        CaseBuilder solvedAt(@Nullable Instant solvedAt) {
            this.solvedAt = solvedAt;
            return this;
        }

        /** A new case keeps its customer waiting since it was opened; a solved or closed one keeps nobody waiting. */
        Case build() {
            boolean waiting = status != CaseStatus.SOLVED && status != CaseStatus.CLOSED;
            return new Case(
                    UUID.randomUUID(),
                    1042,
                    "Activation key lost",
                    UUID.randomUUID(),
                    Channel.EMAIL,
                    status,
                    Priority.NORMAL,
                    List.of("license"),
                    team,
                    owner,
                    null,
                    OPENED,
                    OPENED,
                    null,
                    solvedAt,
                    status == CaseStatus.CLOSED ? OPENED : null,
                    waiting ? OPENED : null);
        }
    }
}
