package io.shiporskip.api.newsletter;

/** Escaping for every piece of text that lands in HTML we render (digests, newsletter pages). */
public final class Html {

    private Html() {
    }

    /** Safe in element content and in double- or single-quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters have no business in a page and can confuse mail clients.
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A minimal complete page: the newsletter's confirmation and unsubscribe screens. */
    public static String page(String title, String bodyHtml) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\">"
                + "<title>" + escape(title) + "</title></head>\n"
                + "<body style=\"font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem\">\n"
                + "<h1>" + escape(title) + "</h1>\n" + bodyHtml + "\n</body></html>\n";
    }
}
