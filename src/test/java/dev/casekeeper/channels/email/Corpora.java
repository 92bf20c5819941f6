package dev.casekeeper.channels.email;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real-world mail corpora beside the project ({@code ../shared/corpora}), read in place: every
 * {@code .eml} file, every message of the mbox files (split at their "From " lines), and the
 * degenerate 0- to 3-byte inputs.
 */
public final class Corpora {

    public static final Path ROOT =
            Path.of("..", "shared", "corpora").toAbsolutePath().normalize();

    /** One message of a corpus, named by its file (and position, for mbox files). */
    public record Sample(String name, byte[] raw) {

        public boolean isControl() {
            return name.startsWith("sisimai-mail/maildir/not/");
        }

        public boolean isDegenerate() {
            return name.startsWith("sisimai-mail/mailbox/size-");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Corpora() {}

    public static List<Sample> gemFixtures() {
        return read("mail-gem-fixtures");
    }

    public static List<Sample> sisimai() {
        return read("sisimai-mail");
    }

    /** Small messages written for this project, each reproducing one way a mail was shown wrong. */
    public static List<Sample> emailRepro() {
        return read("email-repro");
    }

    /** One message of the email-repro corpus by the start of its file name ("R4-", "R4b-"). */
    public static byte[] repro(String prefix) {
        return emailRepro().stream()
                .filter(s -> s.name().startsWith("email-repro/" + prefix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No email-repro message " + prefix))
                .raw();
    }

    /**
     * One message by its corpus name ({@code mail-gem-fixtures/…/x.eml}, an mbox message as
     * {@code sisimai-mail/mailbox/mbox-1#1}).
     */
    public static byte[] message(String name) {
        int hash = name.indexOf('#');
        Path file = ROOT.resolve(hash < 0 ? name : name.substring(0, hash));
        assumeTrue(Files.isRegularFile(file), "The mail corpora are not at " + ROOT + " (no " + name + ")");
        try {
            byte[] raw = Files.readAllBytes(file);
            return hash < 0 ? raw : splitMbox(raw).get(Integer.parseInt(name.substring(hash + 1)) - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Sample> all() {
        var all = new ArrayList<>(gemFixtures());
        all.addAll(sisimai());
        all.addAll(emailRepro());
        return all;
    }

    private static List<Sample> read(String corpus) {
        Path folder = ROOT.resolve(corpus);
        assumeTrue(Files.isDirectory(folder), "The mail corpora are not at " + folder);
        try (Stream<Path> files = Files.walk(folder)) {
            var samples = new ArrayList<Sample>();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = ROOT.relativize(file).toString().replace('\\', '/');
                byte[] raw = Files.readAllBytes(file);
                if (name.endsWith(".eml") || name.contains("/mailbox/size-")) {
                    samples.add(new Sample(name, raw));
                } else if (name.contains("/mailbox/mbox-")) {
                    var messages = splitMbox(raw);
                    for (int i = 0; i < messages.size(); i++) {
                        samples.add(new Sample(name + "#" + (i + 1), messages.get(i)));
                    }
                }
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message as SMTP carries it: every line ends in CRLF, the last one too. */
    static byte[] withCrlf(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1)
                .replace("\r\n", "\n")
                .replace('\r', '\n');
        if (!text.isEmpty() && !text.endsWith("\n")) {
            text = text + "\n";
        }
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Messages of an mbox file: each starts at a "From " line at the start or after a line end. */
    static List<byte[]> splitMbox(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        var starts = new ArrayList<Integer>();
        if (text.startsWith("From ")) {
            starts.add(0);
        }
        int at = 0;
        while ((at = text.indexOf("\nFrom ", at)) >= 0) {
            starts.add(at + 1);
            at++;
        }
        if (starts.isEmpty()) {
            return List.of(raw);
        }
        var messages = new ArrayList<byte[]>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : raw.length;
            messages.add(Arrays.copyOfRange(raw, starts.get(i), end));
        }
        return messages;
    }
}
