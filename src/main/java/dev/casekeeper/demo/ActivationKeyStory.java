package dev.casekeeper.demo;

import static dev.casekeeper.demo.DemoStaff.TECHNICAL_SUPPORT;

import dev.casekeeper.cases.ChangeCase;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.cases.TransferCase;
import dev.casekeeper.followups.RecordPromise;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The lost activation key: a customer bounced between agents, asked for a key she no longer had,
 * told to open a new email account, and overruled on her own gender. A supervisor hands the case
 * to an agent who can fix it, with a summary so she never has to tell it all again.
 */
final class ActivationKeyStory implements DemoStory {

    static final String EMAIL = "successful.moore@demo.example";
    static final String SUBJECT = "Software stopped working, activation key lost";

    /** Priya's next step, a promise the customer sees in the portal with its due time. */
    static final String CALLBACK_PROMISE = "Call Successful to reinstall the software together (about 20 minutes)";

    static final String HANDOVER_SUMMARY = """
            Successful (she/her) - the software she downloaded about 6 months ago stopped working. \
            She no longer has the activation key. Already tried, do not ask again: searched all of her \
            emails for the key (not there); checked the backup CD she bought (no key on it); the account \
            website (fails because she changed her password for security reasons). She was told to set up \
            a hotmail account: she has five email accounts and must not be asked to open another. Her \
            gender is female, declared by her; it was switched to male twice on the reset form. \
            She called back and was left on hold until she hung up. Needs: licence restored on her \
            existing account and the software reinstalled.""";

    @Override
    public void tell(DemoDesk desk, DemoStaff staff) {
        var tom = staff.agent("tom");
        var grace = staff.agent("grace");
        var priya = staff.agent("priya");
        var customer = desk.customer(
                "Successful Moore",
                EMAIL,
                "+1 555 0142",
                Map.of(
                        "preferredName", "Successful",
                        "pronouns", "she/her",
                        "gender", "female",
                        "preferredChannel", "phone"));

        var kase = desk.open(
                customer,
                SUBJECT,
                """
                The software I originally downloaded has stopped working and I can no longer access it. \
                I need my computer to work.""",
                Channel.CHAT,
                Priority.NORMAL,
                List.of("activation-key", "license"),
                staff.team(TECHNICAL_SUPPORT),
                null);
        desk.take(kase, tom);
        desk.reply(kase, tom, """
                Do you have the activation key that originally came with your software download? \
                Please check the emails that came with the installation.""");
        desk.customerWrites(kase, """
                It has been 6 months or more since I downloaded the software, I no longer have it. \
                I sorted through all of my emails - HUNDREDS of them - and it is not there. \
                I also found the additional backup CD I purchased, but the key was not included with the disk.""");
        desk.reply(kase, tom, "Please go to our account website and log in to access your account that way.");
        desk.customerWrites(kase, """
                After many attempts this failed: I no longer have the original password, I changed it for \
                security reasons. Now it wants me to set up a hotmail account to access my information! \
                I have FIVE email accounts already.""");
        desk.reply(kase, tom, "I guess you're just going to HAVE to set up a hotmail account.");
        desk.customerWrites(kase, "I selected female on the form. You selected male. Twice. I AM A WOMAN!");
        desk.customerWrites(kase, """
                I called back and was left on hold so long that I just hung up. I am ready to give up on \
                your company and go with a whole different computer system.""");

        var tags = List.of("activation-key", "license", "at-risk");
        desk.cases.change(kase.id(), new ChangeCase(null, Priority.HIGH, tags), grace);
        desk.cases.transfer(
                kase.id(),
                new TransferCase(
                        priya.id(),
                        null,
                        "Customer about to leave us after two bad contacts; Priya can restore a licence without the key",
                        HANDOVER_SUMMARY),
                grace);
        desk.note(kase, grace, """
                Coaching for Tom: we never ask a customer to open a new email account, and her gender is hers \
                to state - Casekeeper now locks fields the customer declared.""");
        desk.reply(kase, priya, """
                Hello Successful, I'm Priya and I'm taking care of this from here. I have read everything you \
                told my colleagues, so you won't need to repeat any of it - and you won't need a new email \
                account. I can restore your licence on your existing account without the activation key. \
                I'll call you tomorrow at 10:00 to reinstall the software together; it takes about 20 minutes.""");
        // The call she was told about is a promise: she sees it, with its time, among her next steps.
        desk.followups.recordPromise(
                kase.id(),
                new RecordPromise(CALLBACK_PROMISE, desk.clock.instant().plus(Duration.ofDays(1))),
                priya);
        desk.chatEnded(kase);
    }
}
