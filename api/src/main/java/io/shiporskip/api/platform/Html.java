package io.shiporskip.api.platform;

import io.shiporskip.model.Markup;

/** Escaping for every piece of text that lands in HTML we render (digests, newsletter pages). */
public final class Html {

    private Html() {
    }

    /** Safe in element content and in quoted attribute values; the shared {@link Markup} rule. */
    public static String escape(String text) {
        return Markup.safe(text);
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
