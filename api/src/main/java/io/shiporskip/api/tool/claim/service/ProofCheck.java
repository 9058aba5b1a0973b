package io.shiporskip.api.tool.claim.service;

import io.shiporskip.api.tool.claim.entity.ProofMethod;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a tool's website carries a claim's token: first the well-known file, then the home page's meta tag. One
 * fetch of each at most, both through {@link ProofFetcher}'s guard.
 */
@ApplicationScoped
public class ProofCheck {

    public static final String WELL_KNOWN_PATH = "/.well-known/shiporskip-verification.txt";
    public static final String META_NAME = "shiporskip-verification";

    /** The outcome: how the claim was proved, or (method null) what the fetches found. */
    public record Result(ProofMethod method, String url, String reason) {
    }

    private final ProofFetcher fetcher;

    public ProofCheck(ProofFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** Where the file goes: at the root of the website's origin (RFC 8615); null when the website is not a URL. */
    public static String wellKnownUrl(String website) {
        URI origin = origin(website);
        return origin == null ? null : origin.toString() + WELL_KNOWN_PATH;
    }

    public static String metaTag(String token) {
        return "<meta name=\"" + META_NAME + "\" content=\"" + token + "\">";
    }

    public Uni<Result> check(String website, String token) {
        URI origin = origin(website);
        if (origin == null) {
            return Uni.createFrom().item(new Result(null, null,
                    "The tool's website on record (" + website + ") is not a URL that can be fetched; an editor will review the claim"));
        }
        String host = ProofFetcher.bareHost(origin);
        String fileUrl = origin + WELL_KNOWN_PATH;
        return fetcher.get(fileUrl, host).chain(file -> {
            if (file.ok() && file.body().contains(token)) {
                return Uni.createFrom().item(new Result(ProofMethod.WELL_KNOWN, file.url(), null));
            }
            String fileFinding = file.ok() ? file.describe() + " without the token" : file.describe();
            return fetcher.get(website, host).map(page -> {
                if (page.ok()) {
                    String content = metaContent(page.body());
                    if (token.equals(content)) {
                        return new Result(ProofMethod.META, page.url(), null);
                    }
                    String pageFinding = page.describe() + (content == null
                            ? " without a <meta name=\"" + META_NAME + "\"> tag"
                            : " with a " + META_NAME + " meta tag that carries another token");
                    return new Result(null, null, fileFinding + "; " + pageFinding);
                }
                return new Result(null, null, fileFinding + "; " + page.describe());
            });
        });
    }

    private static URI origin(String website) {
        try {
            URI uri = new URI(website.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return new URI(uri.getScheme().toLowerCase(java.util.Locale.ROOT), null, uri.getHost(), uri.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static final Pattern META = Pattern.compile("<meta\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*(?:=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");

    /** The content of the page's first shiporskip-verification meta tag, trimmed; null when it has none. */
    static String metaContent(String html) {
        Matcher tag = META.matcher(html);
        while (tag.find()) {
            String name = null;
            String content = null;
            Matcher attribute = ATTRIBUTE.matcher(tag.group(1));
            while (attribute.find()) {
                String value = attribute.group(2) != null ? attribute.group(2)
                        : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
                if (attribute.group(1).equalsIgnoreCase("name")) {
                    name = value;
                } else if (attribute.group(1).equalsIgnoreCase("content")) {
                    content = value;
                }
            }
            if (name != null && name.trim().equalsIgnoreCase(META_NAME)) {
                return content == null ? "" : content.trim();
            }
        }
        return null;
    }
}
