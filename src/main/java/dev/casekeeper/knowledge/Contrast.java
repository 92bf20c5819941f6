package dev.casekeeper.knowledge;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Colour contrast as WCAG 2 defines it: the ratio of the relative luminances of two sRGB colours,
 * from 1:1 to 21:1. Normal text needs at least 4.5:1 (level AA).
 */
final class Contrast {

    static final double READABLE = 4.5;
    private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");

    private Contrast() {}

    static boolean isHex(String colour) {
        return HEX.matcher(colour.toLowerCase(Locale.ROOT)).matches();
    }

    static double ratio(String one, String other) {
        double a = luminance(one);
        double b = luminance(other);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
