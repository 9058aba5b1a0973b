package io.shiporskip.api.page;

import io.shiporskip.api.platform.PageMeta;

/**
 * A short page that answers something: an error (404, 400, 429, 500) or the newsletter's "check your inbox".
 * {@code backHref}/{@code backLabel} lead back to the tool it came from, when there is one; {@code form} is the
 * sign-up form to show again after a mistake.
 */
public record MessagePage(PageMeta meta, String heading, String message, String backHref, String backLabel,
        SubscribeForm form) {

    public static MessagePage of(String heading, String message) {
        return new MessagePage(PageMeta.unlisted(heading, message), heading, message, null, null, null);
    }

    public MessagePage back(String href, String label) {
        return new MessagePage(meta, heading, message, href, label, form);
    }

    public MessagePage withForm(SubscribeForm subscribe) {
        return new MessagePage(meta, heading, message, backHref, backLabel, subscribe);
    }

    public boolean hasForm() {
        return form != null;
    }
}
