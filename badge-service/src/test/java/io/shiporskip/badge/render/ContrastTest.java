package io.shiporskip.badge.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiporskip.badge.Fixtures;
import io.shiporskip.model.VerdictDecision;
import io.shiporskip.model.VerdictSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.1 AA for every piece of text the badges and the widget draw (issue 13): each (text, background) pair the
 * renderers use, read from their own palette, reaches 4.5:1 in both themes — and the rendered output uses no colour
 * outside that palette, so no pair escapes the check.
 */
class ContrastTest {

    static final double AA = 4.5;

    /** WCAG 2.1 relative luminance of #rrggbb. */
    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void theFormulaMatchesKnownValues() {
        assertEquals(21.0, contrast("#000000", "#ffffff"), 1e-9);
        assertEquals(1.0, contrast("#777777", "#777777"), 1e-9);
        // The failures of issue 13, as the reporter measured them.
        assertEquals(4.19, contrast("#1f883d", "#0d1117"), 0.01);
        assertEquals(3.53, contrast("#cf222e", "#0d1117"), 0.01);
        assertEquals(3.89, contrast("#9a6700", "#0d1117"), 0.01);
    }

    @Test
    void everyTextPairReachesAA() {
        List<String> failures = new ArrayList<>();
        List<Palette.Pair> pairs = Palette.textPairs();
        assertTrue(pairs.size() >= 2 * (4 + 2 * VerdictDecision.values().length), "both themes, every decision");
        for (Palette.Pair p : pairs) {
            double ratio = contrast(p.text(), p.background());
            if (ratio < AA) {
                failures.add(String.format(Locale.ROOT, "%s: %s on %s is %.2f:1", p.where(), p.text(), p.background(), ratio));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void flatShadingOnlyDarkensBehindWhiteText() {
        // The flat style lays SHADE over the message at up to 12 % towards the bottom: still AA at its darkest and lightest.
        for (VerdictDecision d : VerdictDecision.values()) {
            assertTrue(contrast(Palette.ON_FILL, blend(Palette.fill(d), Palette.SHADE, 0.12)) >= AA, d.name());
            assertTrue(contrast(Palette.ON_FILL, Palette.fill(d)) >= AA, d.name());
        }
    }

    static String blend(String base, String over, double alpha) {
        StringBuilder s = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            int b = Integer.parseInt(base.substring(1 + 2 * i, 3 + 2 * i), 16);
            int o = Integer.parseInt(over.substring(1 + 2 * i, 3 + 2 * i), 16);
            s.append(String.format(Locale.ROOT, "%02x", Math.round(b * (1 - alpha) + o * alpha)));
        }
        return s.toString();
    }

    static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{3,8}\\b");

    @Test
    void renderedBadgesAndWidgetsUseOnlyThePalette() {
        List<String> palette = Palette.all().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        SvgRenderer svg = new SvgRenderer();
        EmbedRenderer embed = new EmbedRenderer();
        List<String> outputs = new ArrayList<>();
        for (VerdictDecision d : VerdictDecision.values()) {
            VerdictSnapshot v = Fixtures.verdict("palette-tool", "Palette Tool", d, 2, 1, "1");
            for (Theme theme : Theme.values()) {
                for (BadgeStyle style : BadgeStyle.values()) {
                    outputs.add(new String(svg.verdict(v, style, theme), StandardCharsets.UTF_8));
                }
                outputs.add(embed.verdict(v, theme, "https://badges.example/api/badge-click/palette-tool?src=embed"));
            }
        }
        for (ErrorState state : ErrorState.values()) {
            for (Theme theme : Theme.values()) {
                for (BadgeStyle style : BadgeStyle.values()) {
                    outputs.add(new String(svg.error(state, style, theme), StandardCharsets.UTF_8));
                }
                outputs.add(embed.error(state, theme, "https://badges.example/x"));
            }
        }
        int colours = 0;
        for (String out : outputs) {
            Matcher m = HEX.matcher(out);
            while (m.find()) {
                colours++;
                assertTrue(palette.contains(m.group().toLowerCase(Locale.ROOT)), m.group() + " is not in the palette:\n" + out);
            }
            assertTrue(!out.contains("rgb(") && !out.contains("hsl("), out);
        }
        assertTrue(colours > outputs.size(), "the outputs do carry colours");
    }

    @Test
    void shieldsJsonUsesTheSameFills() {
        for (VerdictDecision d : VerdictDecision.values()) {
            assertEquals(Palette.fill(d), "#" + Verdicts.shieldsColor(d));
        }
    }

    /** The maker dashboard (issue 14): its text reaches AA, its chart colours and control borders 3:1 (WCAG 1.4.11). */
    @Test
    void theDashboardsTextReachesAAAndItsChartsAndControls3To1() {
        List<String> failures = new ArrayList<>();
        for (Palette.Pair p : DashboardColors.textPairs()) {
            double ratio = contrast(p.text(), p.background());
            if (ratio < AA) {
                failures.add(String.format(Locale.ROOT, "%s: %s on %s is %.2f:1", p.where(), p.text(), p.background(), ratio));
            }
        }
        for (Palette.Pair p : DashboardColors.graphicPairs()) {
            double ratio = contrast(p.text(), p.background());
            if (ratio < 3.0) {
                failures.add(String.format(Locale.ROOT, "%s: %s on %s is %.2f:1 (non-text needs 3:1)", p.where(), p.text(), p.background(), ratio));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theDashboardsStylesheetAndScriptUseOnlyItsColours() throws Exception {
        List<String> allowed = DashboardColors.all().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        Path assets = Path.of("src", "main", "resources", "META-INF", "resources", "makers", "assets");
        int colours = 0;
        for (String file : new String[] {"makers.css", "makers.js"}) {
            String text = Files.readString(assets.resolve(file));
            Matcher m = HEX.matcher(text);
            while (m.find()) {
                colours++;
                assertTrue(allowed.contains(m.group().toLowerCase(Locale.ROOT)), file + ": " + m.group() + " is not one of DashboardColors");
            }
            assertTrue(!text.contains("rgb(") && !text.contains("hsl("), file + " names colours only as DashboardColors does");
        }
        assertTrue(colours > 20, "the stylesheet does carry colours");
        // Each series the charts draw has its class with its colour.
        String css = Files.readString(assets.resolve("makers.css"));
        for (String[] s : DashboardColors.SERIES) {
            assertTrue(css.contains(".s-" + s[0] + " {") && css.substring(css.indexOf(".s-" + s[0] + " {")).split("}")[0].contains(s[1]),
                    "series " + s[0] + " is drawn in " + s[1]);
        }
    }
}
