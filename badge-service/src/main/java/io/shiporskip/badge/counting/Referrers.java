package io.shiporskip.badge.counting;

import java.util.Locale;

/** Reduces a Referer header to its host; paths, queries and user info are never kept. */
public final class Referrers {

    /** Stored when there is no usable referrer. */
    public static final String NONE = "";
    /** Stored instead of the host when the aggregate is under pressure; no host name contains parentheses. */
    public static final String OVERFLOW = "(other)";
    private static final int MAX_HOST = 253;

    private Referrers() {
    }

    /**
     * A host name as {@link #host} keeps them (letters, digits, dots and hyphens, at most 253 characters), lower-cased;
     * {@link #NONE} for anything else. For a host handed back to us in a URL (the widget's {@code via}).
     */
    public static String validHost(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_HOST) {
            return NONE;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
            if (!ok) {
                return NONE;
            }
        }
        return value.toLowerCase(Locale.ROOT);
    }

    public static String host(String referer) {
        if (referer == null || referer.isEmpty()) {
            return NONE;
        }
        int start = referer.indexOf("://");
        if (start < 0) {
            return NONE;
        }
        start += 3;
        int end = start;
        while (end < referer.length()) {
            char c = referer.charAt(end);
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
            end++;
        }
        String authority = referer.substring(start, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        int colon = authority.indexOf(':');
        if (colon >= 0) {
            authority = authority.substring(0, colon);
        }
        if (authority.isEmpty() || authority.length() > MAX_HOST) {
            return NONE;
        }
        for (int i = 0; i < authority.length(); i++) {
            char c = authority.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
            if (!ok) {
                return NONE; // IP literals in brackets, odd bytes: not worth a row of their own
            }
        }
        return authority.toLowerCase(Locale.ROOT);
    }
}
