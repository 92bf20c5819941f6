package dev.casekeeper.support;

import dev.casekeeper.channels.email.parse.MailLeniency;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Sets Jakarta Mail's leniency switches when the test JVM starts, before any test (a GreenMail
 * server, an outgoing mail) loads the mail classes that read them once: as the application does at
 * its start. Without it, which attachments keep their names would depend on the order tests ran in.
 */
public class MailLeniencyFirst implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        MailLeniency.apply();
    }
}
