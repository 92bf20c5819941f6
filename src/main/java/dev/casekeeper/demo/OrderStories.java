package dev.casekeeper.demo;

import static dev.casekeeper.demo.DemoStaff.BILLING;
import static dev.casekeeper.demo.DemoStaff.ORDERS;

import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.ChangeCase;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.cases.TransferCase;
import java.util.List;
import java.util.Map;

/**
 * Orders and money: the wrong order that "nothing can be done" about until a supervisor is asked,
 * a double charge waiting on the customer, and a small question nobody has picked up yet.
 */
final class OrderStories implements DemoStory {

    static final String DOUBLE_CHARGE_SUBJECT = "Charged twice for my March invoice";
    static final String WRONG_ORDER_SUBJECT = "What I ordered is not what is being shipped";

    @Override
    public void tell(DemoDesk desk, DemoStaff staff) {
        wrongOrder(desk, staff);
        doubleCharge(desk, staff);
        newAddress(desk);
    }

    private static void wrongOrder(DemoDesk desk, DemoStaff staff) {
        var marcus = staff.agent("marcus");
        var grace = staff.agent("grace");
        var customer = desk.customer("Carol Zamora", "carol.zamora@demo.example", "+1 555 0177", Map.of());
        var kase = desk.open(
                customer,
                WRONG_ORDER_SUBJECT,
                """
                I'm calling first thing Monday morning (8:02 am to be exact). I had an order go terribly wrong: \
                what I ordered, order 40-2215, is not what is being shipped to me.""",
                Channel.PHONE,
                Priority.NORMAL,
                List.of("order", "wrong-item"),
                staff.team(ORDERS),
                marcus);
        desk.take(kase, marcus);
        desk.reply(kase, marcus, "The order has already been handed to the carrier. I'm afraid nothing can be done.");
        desk.customerWrites(kase, "Something can always be done. I'd like to speak with a supervisor, please.");
        desk.cases.transfer(
                kase.id(), new TransferCase(grace.id(), null, "Customer asked for a supervisor", """
                Order 40-2215: the shipping confirmation shows a different item from the one she ordered. \
                She called at 8:02 this morning. I told her nothing could be done because it had shipped; \
                she calmly asked for a supervisor. She wants the item she ordered, not a refund."""), marcus);
        desk.reply(kase, grace, """
                You're right, something can be done, and I'm sorry you were told otherwise. I've asked the \
                carrier to bring the wrong parcel back to us, and the item you ordered leaves our warehouse \
                today by express, at no cost to you. I'll email you the tracking number by 3 pm today.""");
        desk.cases.change(
                kase.id(),
                new ChangeCase(CaseStatus.ON_HOLD, Priority.HIGH, List.of("order", "wrong-item", "escalated")),
                grace);
        desk.note(kase, grace, "On hold until the warehouse confirms the express shipment. Promised tracking by 3 pm.");
    }

    private static void doubleCharge(DemoDesk desk, DemoStaff staff) {
        var marcus = staff.agent("marcus");
        // A call, written down by the agent who took it: the demo desk has no mailbox, so it has no
        // email case whose replies would fail to go out.
        var customer = desk.customer(
                "Hannah Weiss",
                "hannah.weiss@demo.example",
                "+49 30 5550 1902",
                Map.of(
                        "language", "de",
                        "preferredChannel", "phone"));
        var kase = desk.open(
                customer,
                DOUBLE_CHARGE_SUBJECT,
                """
                Hello, I was charged twice for invoice INV-20931: two payments of 49.90 on 3 March. \
                Please refund one of them.""",
                Channel.PHONE,
                Priority.NORMAL,
                List.of("billing", "refund"),
                staff.team(BILLING),
                marcus);
        desk.take(kase, marcus);
        desk.reply(kase, marcus, """
                Thank you for spotting this, Hannah. I can see one payment on our side. To find the second, \
                could you call us back with the bank's reference for each of the two payments? As soon as I \
                have them I'll refund the duplicate the same day.""");
        desk.cases.change(kase.id(), new ChangeCase(CaseStatus.PENDING, null, null), marcus);
    }

    private static void newAddress(DemoDesk desk) {
        var customer = desk.customer("Omar Haddad", "omar.haddad@demo.example", null, Map.of());
        desk.open(
                customer,
                "How do I change my delivery address?",
                """
                I've moved. How do I change the delivery address on my account before my next order?""",
                Channel.WEB,
                Priority.LOW,
                List.of("account"),
                null,
                null);
    }
}
