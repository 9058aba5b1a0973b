package io.shiporskip.api.page;

/**
 * The newsletter sign-up form as a page prints it: where it posts, what was typed (shown again after a
 * mistake) and the error to show beside the field, if any.
 */
public record SubscribeForm(String action, String email, String error) {

    public static SubscribeForm empty(String slug) {
        return new SubscribeForm(PageLinks.toolPath(slug) + "/subscribe", null, null);
    }

    public SubscribeForm withError(String typed, String message) {
        return new SubscribeForm(action, typed, message);
    }

    public boolean hasError() {
        return error != null;
    }
}
