package dev.casekeeper.web;

import com.ibm.icu.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles, formatted with ICU's MessageFormat instead of the JDK's: a message chooses
 * its words by the language's plural rules ({@code {0, plural, one {# time} other {# times}}}) and
 * by a value ({@code {0, select, you {hold} other {holds}}}), so no page says "1 time(s)". Case
 * numbers are written {@code #{0, number, ::group-off}}: a number is grouped by the locale
 * ("1,010") unless the pattern says not to. Messages without arguments are returned as written,
 * as Spring's own sources do.
 */
class IcuMessageSource extends ResourceBundleMessageSource {

    private final Map<PatternInLocale, MessageFormat> formats = new ConcurrentHashMap<>();

    @Override
    protected @Nullable String getMessageInternal(
            @Nullable String code, @Nullable Object @Nullable [] args, @Nullable Locale locale) {
        if (code == null || args == null || args.length == 0) {
            return super.getMessageInternal(code, args, locale);
        }
        Locale in = locale == null ? Locale.getDefault() : locale;
        String pattern = resolveCodeWithoutArguments(code, in);
        if (pattern == null) {
            // Common messages and a parent source format with the JDK; this source has neither.
            return super.getMessageInternal(code, args, locale);
        }
        return format(pattern, resolveArguments(args, in), in);
    }

    @Override
    protected String formatMessage(String msg, @Nullable Object @Nullable [] args, Locale locale) {
        if (args == null || args.length == 0) {
            return msg;
        }
        return format(msg, resolveArguments(args, locale), locale);
    }

    private String format(String pattern, @Nullable Object[] args, Locale locale) {
        var format = formats.computeIfAbsent(
                new PatternInLocale(pattern, locale), key -> new MessageFormat(key.pattern(), key.locale()));
        // An ICU MessageFormat is not safe for two threads at once; formatting is quick.
        synchronized (format) {
            return format.format(args);
        }
    }

    private record PatternInLocale(String pattern, Locale locale) {}
}
