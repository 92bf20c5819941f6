package dev.casekeeper.channels.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A real SMTP client session over a socket, line by line, so tests see exactly what a sending mail
 * server sees: every reply code, and the 250 that promises the message is safe.
 */
final class SmtpConversation implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    final String greeting;

    SmtpConversation(int port) {
        try {
            socket = new Socket("localhost", port);
            socket.setSoTimeout(60_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
            greeting = reply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one command line; returns the whole (possibly multi-line) reply. */
    String command(String line) {
        try {
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return reply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DATA with the message, dot-stuffed and CRLF-terminated as SMTP wants; returns the final reply. */
    String data(byte[] raw) {
        String ready = command("DATA");
        if (!ready.startsWith("354")) {
            return ready;
        }
        try {
            String text = new String(raw, StandardCharsets.ISO_8859_1)
                    .replace("\r\n", "\n")
                    .replace('\r', '\n');
            var body = new StringBuilder(text.length() + 64);
            var lines = text.split("\n", -1);
            // The line end of the last line is the start of the terminator; a final empty "line" is not one.
            int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
            for (int i = 0; i < count; i++) {
                body.append(lines[i].startsWith(".") ? "." + lines[i] : lines[i])
                        .append("\r\n");
            }
            body.append(".\r\n");
            out.write(body.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return reply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole transaction on a fresh session; the reply to the last step reached. */
    static String send(int port, String from, String to, byte[] raw) {
        try (var smtp = new SmtpConversation(port)) {
            smtp.command("EHLO client.example.net");
            String mail = smtp.command("MAIL FROM:<" + from + ">");
            if (!mail.startsWith("250")) {
                return mail;
            }
            String rcpt = smtp.command("RCPT TO:<" + to + ">");
            if (!rcpt.startsWith("250")) {
                return rcpt;
            }
            return smtp.data(raw);
        }
    }

    private String reply() throws IOException {
        var reply = new StringBuilder();
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("The server closed the connection");
            }
            reply.append(line).append('\n');
        } while (line.length() > 3 && line.charAt(3) == '-');
        return reply.toString().strip();
    }

    @Override
    public void close() {
        try {
            if (!socket.isClosed()) {
                try {
                    out.write("QUIT\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException ignored) {
                    // the server may have closed first
                }
            }
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
