package io.shiporskip.badge.render;

import io.shiporskip.model.CommunitySummary;
import io.shiporskip.model.CriticScore;
import io.shiporskip.model.Markup;
import io.shiporskip.model.ReviewDecision;
import io.shiporskip.model.VerdictSnapshot;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The iframe widget: one self-contained HTML page, 360×260, inline CSS, no JavaScript. Every piece of user
 * text is escaped; long names are cut by CSS (overflow ellipsis) so the frame never breaks.
 */
@ApplicationScoped
public class EmbedRenderer {

    private static final String CSS_LIGHT = "--bg:#fff;--fg:#1f2328;--mu:#656d76;--bd:#d0d7de;";
    private static final String CSS_DARK = "--bg:#0d1117;--fg:#e6edf3;--mu:#8d96a0;--bd:#30363d;";
    private static final String CSS = "*{box-sizing:border-box;margin:0;padding:0}"
            + "html,body{width:100%;height:100%;background:transparent}"
            + "body{font:13px/1.35 -apple-system,BlinkMacSystemFont,'Segoe UI',Verdana,sans-serif;color:var(--fg)}"
            + "a.card{display:flex;flex-direction:column;gap:6px;width:100%;max-width:360px;height:260px;padding:14px 16px;"
            + "background:var(--bg);border:1px solid var(--bd);border-radius:16px;color:inherit;text-decoration:none;overflow:hidden}"
            + ".top{display:flex;justify-content:space-between;align-items:center}"
            + ".brand{font-size:10px;letter-spacing:.08em;color:var(--mu)}"
            + ".call{color:#fff;font-weight:700;font-size:12px;padding:3px 10px;border-radius:999px}"
            + ".name{font-size:17px;font-weight:700;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}"
            + ".tag{color:var(--mu);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}"
            + ".split{font-weight:600}"
            + "ul{list-style:none;display:grid;grid-template-columns:1fr 1fr;gap:2px 12px}"
            + "li{display:flex;justify-content:space-between;white-space:nowrap;overflow:hidden}"
            + "li span{overflow:hidden;text-overflow:ellipsis}"
            + ".ship{color:#1f883d}.skip{color:#cf222e}"
            + ".community{color:var(--mu);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}"
            + ".cta{margin-top:auto;font-weight:600}";

    public String verdict(VerdictSnapshot v, Theme theme, String clickUrl) {
        String name = Markup.safe(v.name() == null || v.name().isBlank() ? v.slug() : v.name());
        String call = Verdicts.call(v);
        StringBuilder s = new StringBuilder(3000);
        head(s, name + " \u2014 Ship or Skip verdict", theme);
        s.append("<a class=\"card\" href=\"").append(Markup.escape(clickUrl)).append("\" target=\"_blank\" rel=\"noopener\">");
        s.append("<div class=\"top\"><span class=\"brand\">SHIP OR SKIP \u00B7 PANEL VERDICT</span><span class=\"call\" style=\"background:")
                .append(Verdicts.accent(Verdicts.decision(v))).append("\">").append(call).append("</span></div>");
        s.append("<div class=\"name\" title=\"").append(name).append("\">").append(name).append("</div>");
        String tagline = Markup.safe(v.tagline());
        if (!tagline.isEmpty()) {
            s.append("<div class=\"tag\">").append(tagline).append("</div>");
        }
        s.append("<div class=\"split\">").append(Markup.escape(Verdicts.split(v))).append(" \u00B7 ")
                .append(Markup.escape(Verdicts.percentLine(v))).append("</div>");
        if (v.critics() != null && !v.critics().isEmpty()) {
            s.append("<ul>");
            for (CriticScore c : v.critics()) {
                boolean ship = c.decision() == ReviewDecision.SHIP;
                s.append("<li><span>").append(Markup.safe(c.critic())).append("</span><b class=\"")
                        .append(ship ? "ship" : "skip").append("\">").append(c.score()).append(' ')
                        .append(c.decision() == null ? "" : c.decision().name()).append("</b></li>");
            }
            s.append("</ul>");
        }
        CommunitySummary community = v.community();
        String line = community == null || community.label() == null ? "No community votes yet" : community.label();
        s.append("<div class=\"community\">Community: ").append(Markup.safe(line)).append("</div>");
        s.append("<div class=\"cta\">Read the full review \u2192</div></a></body></html>");
        return s.toString();
    }

    /** "Unknown tool" or "Verdict unavailable" in the same frame. */
    public String message(String message, Theme theme) {
        StringBuilder s = new StringBuilder(1600);
        String m = Markup.safe(message);
        head(s, m + " \u2014 Ship or Skip", theme);
        s.append("<div class=\"card\" style=\"display:flex;flex-direction:column;gap:6px;max-width:360px;height:260px;padding:14px 16px;"
                + "background:var(--bg);border:1px solid var(--bd);border-radius:16px\"><span class=\"brand\">SHIP OR SKIP</span>"
                + "<div class=\"name\">").append(m).append("</div></div></body></html>");
        return s.toString();
    }

    private static void head(StringBuilder s, String title, Theme theme) {
        s.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\"><title>").append(title).append("</title><style>")
                .append(switch (theme) {
                    case LIGHT -> ":root{" + CSS_LIGHT + "}";
                    case DARK -> ":root{" + CSS_DARK + "}";
                    case AUTO -> ":root{" + CSS_LIGHT + "}@media (prefers-color-scheme:dark){:root{" + CSS_DARK + "}}";
                })
                .append(CSS).append("</style></head><body>");
    }
}
