package dev.casekeeper.demo;

import static dev.casekeeper.demo.DemoStaff.RETURNS;

import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.ChangeCase;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.followups.RecordPromise;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The returns desk: the shower curtain in the wrong colour, the socks closed with next steps, a
 * promise kept and a warm farewell, and a heated return at the counter still waiting for someone to take it.
 */
final class ReturnsStories implements DemoStory {

    static final String SOCKS_SUBJECT = "Return: Nike Elite socks in the wrong colour";
    static final String SOCKS_NEXT_STEPS = """
            Alright, Deon. I have processed your return. We'll go ahead and ship the blue Nike Elite socks, \
            and you should have those within 4-7 business days. I'll email you the return label today, and the \
            tracking number as soon as they ship. Thanks so much for calling, Deon, and have a great rest of your week!""";

    static final String RETURN_REFUSED_SUBJECT = "Return refused at the service desk";

    static final String SOCKS_PROMISE = "Email Deon the return label and the tracking number of the blue socks";

    @Override
    public void tell(DemoDesk desk, DemoStaff staff) {
        var dana = staff.agent("dana");

        var janelle = desk.customer("Janelle Brooks", "janelle.brooks@demo.example", null, Map.of());
        var curtain = desk.open(
                janelle,
                "Shower curtain in the wrong colour",
                """
                I bought this shower curtain here last week and when I got it home... it's in the wrong color! \
                It took me a week to get back to the store, I got stuck in traffic and waited in line behind \
                five people. I just want to make a simple exchange and go home.""",
                Channel.COUNTER,
                Priority.NORMAL,
                List.of("exchange", "in-store"),
                staff.team(RETURNS),
                dana);
        desk.take(curtain, dana);
        desk.reply(curtain, dana, """
                I'm so sorry, what a week you've had, and then a wait on top of it. I've exchanged it for the \
                colour you chose; no receipt needed. Thank you for your patience, and enjoy the new curtain!""");
        desk.cases.change(curtain.id(), new ChangeCase(CaseStatus.SOLVED, null, null), dana);

        var deon = desk.customer(
                "Deon Carter",
                "deon.carter@demo.example",
                "+1 555 0193",
                Map.of(
                        "preferredName", "Deon",
                        "preferredChannel", "phone"));
        var socks = desk.open(
                deon, SOCKS_SUBJECT, """
                I'd like to return the Nike Elite socks I ordered. They're not the colour I wanted: \
                I ordered the blue ones.""", Channel.PHONE, Priority.LOW, List.of("return"), staff.team(RETURNS), dana);
        desk.take(socks, dana);
        desk.reply(socks, dana, SOCKS_NEXT_STEPS);
        // The next step Dana named is a promise: a dated task of hers until it is kept.
        var tracking = desk.followups.recordPromise(
                socks.id(),
                new RecordPromise(SOCKS_PROMISE, desk.clock.instant().plus(Duration.ofDays(2))),
                dana);
        desk.followups.keep(tracking.id(), "Return label and tracking number emailed to Deon", dana);
        desk.cases.change(socks.id(), new ChangeCase(CaseStatus.SOLVED, null, null), dana);
        desk.cases.change(socks.id(), new ChangeCase(CaseStatus.CLOSED, null, null), dana);

        var rhonda = desk.customer("Rhonda Pryor", "rhonda.pryor@demo.example", null, Map.of());
        var refused = desk.open(
                rhonda,
                RETURN_REFUSED_SUBJECT,
                """
                I brought back clothing I bought here and was told "We're not taking that junk back!" Twice. \
                I want to talk to someone who will actually help me, not someone who argues with me.""",
                Channel.COUNTER,
                Priority.URGENT,
                List.of("return", "escalation"),
                staff.team(RETURNS),
                null);
        // Still waiting at the counter, she asks for a manager: the case is heated and goes to the supervisors.
        desk.customerWrites(
                refused, "I have been standing here for twenty minutes. This is RIDICULOUS. Get me a manager NOW!");
    }
}
