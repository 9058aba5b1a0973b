package io.shiporskip.badge.render;

import io.shiporskip.model.CommunitySummary;
import io.shiporskip.model.CriticScore;
import io.shiporskip.model.Markup;
import io.shiporskip.model.ReviewDecision;
import io.shiporskip.model.VerdictDecision;
import io.shiporskip.model.VerdictSnapshot;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The iframe widget: one self-contained HTML page that fills its 360×260 frame exactly (no scrollbars, no dead
 * space), inline CSS, no JavaScript, no font or image from anywhere. The whole card is one link to the review, and
 * ends in a button-like call to action. Every piece of user text is escaped; long names are cut by CSS where they
 * really overflow, so narrower frames (max-width:100% on a phone) shrink instead of scrolling.
 */
@ApplicationScoped
public class EmbedRenderer {

    /** The tile of the mark (px). */
    static final int MARK = 40;

    private static final String CSS = "*{box-sizing:border-box;margin:0;padding:0}"
            + "html,body{height:100%;overflow:hidden;background:transparent}"
            // Phones must not "boost" the widget's text: it is laid out for its frame, not for the phone's screen.
            + "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}"
            + "body{font:13px/1.35 -apple-system,BlinkMacSystemFont,'Segoe UI',Verdana,sans-serif;color:var(--fg)}"
            + ".w{display:flex;flex-direction:column;justify-content:space-between;gap:6px;width:100%;height:100%;padding:14px 16px;"
            + "background:var(--bg);border:1px solid var(--bd);border-radius:16px;color:inherit;text-decoration:none;overflow:hidden}"
            + "a.w:focus-visible{outline:3px solid var(--fg);outline-offset:-4px}"
            + ".hd{display:flex;align-items:center;gap:10px;min-width:0}"
            + ".mark{flex:none;display:block}"
            + ".id{flex:1;min-width:0}"
            + ".br{font-size:11px;color:var(--mu);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}"
            + ".nm{font-size:17px;font-weight:700;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}"
            + ".pill{flex:none;color:" + Palette.ON_FILL + ";font-weight:700;font-size:12px;padding:4px 10px;border-radius:999px}"
            + ".f-ship{background:" + Palette.FILL_SHIP + "}.f-skip{background:" + Palette.FILL_SKIP + "}"
            + ".f-split{background:" + Palette.FILL_SPLIT + "}.f-none{background:" + Palette.FILL_NEUTRAL + "}"
            + ".mu,.tg,.cm{color:var(--mu)}"
            + ".tg,.cm,.sum{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}"
            + ".sum{font-weight:600}"
            + ".msg{display:flex;flex-direction:column;gap:6px}.msg .sum{white-space:normal}"
            + ".ft{font-size:11px;color:var(--mu);border-top:1px solid var(--bd);padding-top:8px}"
            + "ul{list-style:none;display:grid;grid-template-columns:1fr 1fr;gap:2px 16px}"
            + "li{display:flex;justify-content:space-between;gap:6px;white-space:nowrap;min-width:0}"
            + "li span{overflow:hidden;text-overflow:ellipsis}"
            + "li b{flex:none}"
            + ".c-ship{color:var(--ship)}.c-skip{color:var(--skip)}"
            + ".cta{display:block;text-align:center;font-weight:700;padding:8px 12px;border-radius:8px;"
            + "background:var(--btn);color:var(--btnfg);text-decoration:none}"
            + "a.w:hover .cta,a.cta:hover{text-decoration:underline}";

    public String verdict(VerdictSnapshot v, Theme theme, String clickUrl) {
        String name = Markup.safe(v.name() == null || v.name().isBlank() ? v.slug() : v.name());
        VerdictDecision d = Verdicts.decision(v);
        StringBuilder s = new StringBuilder(4000);
        head(s, Verdicts.BRAND + " verdict for " + name, theme);
        s.append("<a class=\"w\" href=\"").append(Markup.escape(clickUrl)).append("\" target=\"_blank\" rel=\"noopener\">");
        s.append("<div class=\"hd\">").append(Mark.of(d).inlineSvg(MARK, Palette.fill(d)))
                .append("<div class=\"id\"><div class=\"br\">").append(Verdicts.BRAND).append(" \u00B7 panel verdict</div>")
                .append("<div class=\"nm\" title=\"").append(name).append("\">").append(name).append("</div></div>")
                .append("<span class=\"pill f-").append(d.name().toLowerCase(java.util.Locale.ROOT)).append("\">")
                .append(Verdicts.call(v)).append("</span></div>");
        String tagline = Markup.safe(v.tagline());
        if (!tagline.isEmpty()) {
            s.append("<div class=\"tg\">").append(tagline).append("</div>");
        }
        if (d == VerdictDecision.NONE) {
            s.append("<div class=\"sum\">No reviews yet</div><div class=\"mu\">The panel's verdict appears here as soon as the first "
                    + "critic has reviewed this tool.</div>");
        } else {
            s.append("<div class=\"sum\">").append(Markup.escape(Verdicts.split(v))).append(" \u00B7 ")
                    .append(Markup.escape(Verdicts.percentLine(v))).append("</div>");
        }
        if (v.critics() != null && !v.critics().isEmpty()) {
            s.append("<ul>");
            for (CriticScore c : v.critics()) {
                boolean ship = c.decision() == ReviewDecision.SHIP;
                s.append("<li><span>").append(Markup.safe(c.critic().name())).append("</span><b class=\"")
                        .append(ship ? "c-ship" : "c-skip").append("\">").append(c.score());
                if (c.decision() != null) {
                    s.append(" \u00B7 ").append(ship ? "ship" : "skip");
                }
                s.append("</b></li>");
            }
            s.append("</ul>");
        }
        CommunitySummary community = v.community();
        String line = community == null || community.label() == null ? "No community votes yet" : community.label();
        s.append("<div class=\"cm\">Community: ").append(Markup.safe(line)).append("</div>");
        s.append("<span class=\"cta\">Read the full review \u2192</span></a></body></html>");
        return s.toString();
    }

    /**
     * The widget's designed error states in the same frame. {@code link} (may be null) is where its button leads:
     * the review (through the click route) when only the verdict is unavailable.
     */
    public String error(ErrorState state, Theme theme, String link) {
        String more = switch (state) {
            case UNKNOWN_TOOL -> "The embed code may have a typo, or the tool is no longer listed. Copy a fresh code from the "
                    + "tool's review page on " + Verdicts.BRAND + ".";
            case UNAVAILABLE -> "This card shows the panel's verdict again as soon as it can be reached.";
            default -> "Copy the embed code again from the tool's review page on " + Verdicts.BRAND + ".";
        };
        StringBuilder s = new StringBuilder(2600);
        head(s, Verdicts.BRAND + ": " + state.title, theme, "");
        card(s, state, more, link, " target=\"_blank\" rel=\"noopener\">Open the review \u2192");
        return s.append("</body></html>").toString();
    }

    /**
     * A whole page for a browser that navigated to a link that leads nowhere (the click-through of an unknown tool):
     * the widget's error card, centred on a page in the reader's light or dark scheme, with a way on to the site.
     */
    public String errorPage(ErrorState state, String siteUrl) {
        StringBuilder s = new StringBuilder(2800);
        // The card keeps the widget's size; the page around it takes the card's border colour.
        head(s, Verdicts.BRAND + ": " + state.title, Theme.AUTO, "html,body{overflow:auto;background:var(--bd)}"
                + "body{display:flex;align-items:center;justify-content:center;padding:16px}.w{width:360px;max-width:100%;height:260px}");
        card(s, state, "The link may have a typo, or the tool is no longer listed on " + Verdicts.BRAND + ".", siteUrl,
                ">Browse the reviews \u2192");
        return s.append("</body></html>").toString();
    }

    /**
     * The designed error card: fixed texts only. {@code link} (may be null) is where its button leads; {@code linkTail}
     * closes the link's tag (a frame opens it in a new tab) and holds its words.
     */
    private static void card(StringBuilder s, ErrorState state, String more, String link, String linkTail) {
        s.append("<div class=\"w\">");
        s.append("<div class=\"hd\">").append(state.mark.inlineSvg(MARK, Palette.FILL_NEUTRAL))
                .append("<div class=\"id\"><div class=\"br\">").append(Verdicts.BRAND).append("</div><div class=\"nm\">")
                .append(state.title).append("</div></div></div>");
        s.append("<div class=\"msg\"><div class=\"sum\">").append(Markup.escape(state.hint)).append("</div>");
        s.append("<div class=\"mu\">").append(more).append("</div></div>");
        if (link != null) {
            s.append("<a class=\"cta\" href=\"").append(Markup.escape(link)).append('"').append(linkTail).append("</a>");
        } else {
            s.append("<div class=\"ft\">").append(Verdicts.BRAND).append(" \u00B7 AI tools reviewed by an expert panel</div>");
        }
        s.append("</div>");
    }

    private static void head(StringBuilder s, String title, Theme theme) {
        head(s, title, theme, "");
    }

    private static void head(StringBuilder s, String title, Theme theme, String moreCss) {
        s.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\"><title>").append(title).append("</title><style>")
                .append(themeCss(theme)).append(CSS).append(moreCss).append("</style></head><body>");
    }

    /**
     * The theme's variables. {@code color-scheme} tells the embedding browser which scheme the frame is drawn for,
     * so a dark page framing the dark (or auto) widget gets no white backdrop behind its rounded corners.
     */
    static String themeCss(Theme theme) {
        return switch (theme) {
            case LIGHT -> ":root{color-scheme:light;" + vars(Palette.LIGHT) + "}";
            case DARK -> ":root{color-scheme:dark;" + vars(Palette.DARK) + "}";
            case AUTO -> ":root{color-scheme:light dark;" + vars(Palette.LIGHT) + "}@media (prefers-color-scheme:dark){:root{"
                    + vars(Palette.DARK) + "}}";
        };
    }

    private static String vars(Palette.Colors c) {
        return "--bg:" + c.background() + ";--fg:" + c.text() + ";--mu:" + c.muted() + ";--bd:" + c.border() + ";--ship:"
                + c.shipText() + ";--skip:" + c.skipText() + ";--btn:" + c.button() + ";--btnfg:" + c.buttonText() + ";";
    }
}
