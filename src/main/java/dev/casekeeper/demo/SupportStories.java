package dev.casekeeper.demo;

import static dev.casekeeper.demo.DemoStaff.BILLING;
import static dev.casekeeper.demo.DemoStaff.TECHNICAL_SUPPORT;

import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.cases.TransferCase;
import java.util.List;
import java.util.Map;

/**
 * Technical support: the cable technician three hours late, answered by listening, validating and
 * committing, then handed to Billing for a credit; and a chat whose customer left before anyone
 * answered it.
 */
final class SupportStories implements DemoStory {

    static final String CABLE_SUBJECT = "Cable technician arrived 3 hours late";

    @Override
    public void tell(DemoDesk desk, DemoStaff staff) {
        var ana = staff.agent("ana");
        var smith = desk.customer(
                "Linda Smith",
                "linda.smith@demo.example",
                "+1 555 0118",
                Map.of(
                        "preferredName", "Mrs Smith",
                        "preferredChannel", "phone"));
        var cable = desk.open(
                smith,
                CABLE_SUBJECT,
                """
                I stayed home from work this morning to have my cable installed and the technician showed up \
                3 hours late. I've wasted my whole morning and will probably miss a whole day of work instead \
                of the half day I planned.""",
                Channel.PHONE,
                Priority.NORMAL,
                List.of("installation", "appointment"),
                staff.team(TECHNICAL_SUPPORT),
                ana);
        desk.take(cable, ana);
        desk.reply(cable, ana, """
                Mrs Smith I am so sorry this happened, I know your time is very valuable and while we do try to \
                keep our installation appointments occasionally there are unforeseen difficulties. I know how \
                frustrating this must have been; I would feel the same way. Let me find out why this happened \
                and what I can do to make it up to you.""");
        desk.note(cable, ana, "Dispatch: the previous install overran, then traffic. Installation done and working.");
        desk.cases.transfer(
                cable.id(),
                new TransferCase(
                        null,
                        staff.team(BILLING),
                        "A goodwill credit for the lost working day needs Billing's approval",
                        """
                Mrs Smith stayed home for a morning installation; the technician arrived 3 hours late, so she \
                loses a whole day of work instead of half. Installation now done and working. I apologised and \
                promised we would make it up to her: please approve a credit and call her (she prefers phone)."""),
                ana);

        var alex = desk.customer(
                "Alex Kim",
                "alex.kim@demo.example",
                null,
                Map.of(
                        "preferredName", "Alex",
                        "pronouns", "they/them",
                        "preferredChannel", "chat"));
        var photos = desk.open(
                alex,
                "All my photos are blurry",
                """
                Every photo on my phone shows up blurry, not just the ones I took today but every picture I \
                have, including the whole trip to New York. Please tell me they're not lost.""",
                Channel.CHAT,
                Priority.HIGH,
                List.of("photos", "device"),
                staff.team(TECHNICAL_SUPPORT),
                null);
        // Alex left the chat before anyone answered: the case page offers to answer by email.
        desk.chatEnded(photos);
    }
}
