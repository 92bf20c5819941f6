package dev.casekeeper.demo;

import static dev.casekeeper.demo.DemoStaff.TECHNICAL_SUPPORT;

import java.time.Duration;

/**
 * The technical support phone line. Successful Moore called back about her lost activation key,
 * was answered, then left on hold for ten minutes until she hung up: the call is on its own case
 * with its facts, and the team owes her a callback to her number. Two callers ring in the phone
 * queue now (Carol Zamora, whose wrong order is on hold, and someone new), so an agent who goes
 * available is offered a call at once and sees who is calling.
 */
final class PhoneQueueStory implements DemoStory {

    static final String LINE = "Technical support line (demo)";

    @Override
    public void tell(DemoDesk desk, DemoStaff staff) {
        var line = desk.telephony.line(LINE, staff.team(TECHNICAL_SUPPORT));
        var successful = desk.customers
                .findByIdentity(dev.casekeeper.customers.IdentityKind.EMAIL, ActivationKeyStory.EMAIL)
                .orElseThrow();
        var phone = successful.identities().stream()
                .filter(i -> i.kind() == dev.casekeeper.customers.IdentityKind.PHONE)
                .findFirst()
                .orElseThrow()
                .value();
        var heldUntilSheHungUp = desk.telephony.recordEndedCall(
                line,
                new dev.casekeeper.telephony.RecordedCall(
                        phone, Duration.ofMinutes(12), Duration.ofMinutes(10), "customer", true));
        desk.cases.note(heldUntilSheHungUp, """
                She called back about the activation key (see her chat case) and was left on hold for ten \
                minutes until she hung up. Call her back first thing: do not put her on hold again.""", staff.agent("grace"));

        // Carol Zamora, whose wrong order is on hold, calls: her pop shows that case. The other caller is new.
        desk.telephony.ring(line, "demo-call-1", "+1 555 0177");
        desk.telephony.ring(line, "demo-call-2", "+1 555 0166");
    }
}
