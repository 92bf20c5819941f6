package dev.casekeeper.channels.email.parse;

import java.util.Map;
import java.util.Properties;

/**
 * Jakarta Mail's leniency switches. Several of them (decoding encoded file names, reading unquoted
 * parameters with spaces, ...) are read from system properties once, when Jakarta Mail's classes
 * are first loaded, and never again: set after anything touched {@code MimeBodyPart} or
 * {@code ParameterList} — an outgoing mail, a mail server in a test — they change nothing, and
 * attachments lose their names. So they are set at start, before anything loads those classes:
 * by {@link MailLeniencyEnvironment} in the application, and first thing in the test JVM.
 */
public final class MailLeniency {

    private static final Map<String, String> SWITCHES = Map.ofEntries(
            Map.entry("mail.mime.address.strict", "false"),
            Map.entry("mail.mime.decodetext.strict", "false"),
            Map.entry("mail.mime.ignoreunknownencoding", "true"),
            Map.entry("mail.mime.base64.ignoreerrors", "true"),
            Map.entry("mail.mime.uudecode.ignoreerrors", "true"),
            Map.entry("mail.mime.uudecode.ignoremissingbeginend", "true"),
            Map.entry("mail.mime.multipart.ignoremissingendboundary", "true"),
            Map.entry("mail.mime.multipart.ignoremissingboundaryparameter", "true"),
            Map.entry("mail.mime.multipart.allowempty", "true"),
            Map.entry("mail.mime.parameters.strict", "false"),
            Map.entry("mail.mime.applefilenames", "true"),
            Map.entry("mail.mime.windowsfilenames", "true"),
            Map.entry("mail.mime.decodefilename", "true"),
            Map.entry("mail.mime.ignorewhitespacelines", "true"));

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private MailLeniency() {}

    /** Sets every switch nobody set otherwise; safe to call more than once. */
    public static void apply() {
        SWITCHES.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        // Without this, Jakarta Mail looks its stream provider up with a ServiceLoader on every header
        // block, part and decoded body (StreamProvider.provider()): from the application's nested jar that
        // scan was two thirds of the time spent parsing a message. Named here, it is loaded by name.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    /** The same switches as session properties, for the switches Jakarta Mail reads per session. */
    static Properties sessionProperties() {
        var properties = new Properties();
        properties.putAll(SWITCHES);
        return properties;
    }
}
