package io.shiporskip.badge.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Every colour of the maker dashboard ({@code makers.css}; the script draws with its classes): the light theme of
 * {@link Palette} for text and controls, plus the chart series. {@code ContrastTest} holds each text pair to WCAG AA
 * (4.5:1), each chart colour and control border to 3:1 against the page (WCAG 1.4.11), and the stylesheet to these
 * colours only.
 */
public final class DashboardColors {

    public static final String PAGE = Palette.LIGHT.background();
    public static final String TEXT = Palette.LIGHT.text();
    public static final String MUTED = Palette.LIGHT.muted();
    public static final String RULE = Palette.LIGHT.border();
    public static final String BUTTON = Palette.LIGHT.button();
    public static final String BUTTON_TEXT = Palette.LIGHT.buttonText();
    /** Links, the focus ring and the "direct"/"readme" series. */
    public static final String ACCENT = "#0969da";
    /** The notice box behind text. */
    public static final String PANEL = "#f6f8fa";
    /** The error box's border. */
    public static final String ERROR = Palette.FILL_SKIP;
    /** The gallery's dark-theme cells: the dark theme's own background. */
    public static final String DARK_CELL = Palette.DARK.background();

    /** Chart series: name → colour, each drawn on {@link #PAGE}. */
    public static final List<String[]> SERIES = List.of(
            new String[] {"direct", ACCENT},
            new String[] {"githubCamo", Palette.FILL_SPLIT},
            new String[] {"bot", Palette.FILL_NEUTRAL},
            new String[] {"readme", ACCENT},
            new String[] {"site", Palette.FILL_SHIP},
            new String[] {"docs", Palette.FILL_SPLIT},
            new String[] {"other", "#bc4c00"},
            new String[] {"embed", "#bf3989"},
            new String[] {"unspecified", Palette.FILL_NEUTRAL},
            new String[] {"clicks", Palette.FILL_SHIP},
            new String[] {"ctr", TEXT});

    private DashboardColors() {
    }

    /** Every (text, background) pair the page draws. */
    public static List<Palette.Pair> textPairs() {
        return List.of(
                new Palette.Pair("dashboard: text", TEXT, PAGE),
                new Palette.Pair("dashboard: muted text, axis labels", MUTED, PAGE),
                new Palette.Pair("dashboard: links and summaries", ACCENT, PAGE),
                new Palette.Pair("dashboard: buttons", BUTTON_TEXT, BUTTON),
                new Palette.Pair("dashboard: secondary buttons", BUTTON, PAGE),
                new Palette.Pair("dashboard: the skip link", BUTTON_TEXT, BUTTON),
                new Palette.Pair("dashboard: notice text", TEXT, PANEL),
                new Palette.Pair("dashboard: muted text in a notice", MUTED, PANEL));
    }

    /** Every non-text mark that must be told from the page: chart series, control borders, focus ring, error border. */
    public static List<Palette.Pair> graphicPairs() {
        List<Palette.Pair> pairs = new ArrayList<>();
        for (String[] s : SERIES) {
            pairs.add(new Palette.Pair("dashboard chart series " + s[0], s[1], PAGE));
        }
        pairs.add(new Palette.Pair("dashboard: input borders", MUTED, PAGE));
        pairs.add(new Palette.Pair("dashboard: focus ring", ACCENT, PAGE));
        pairs.add(new Palette.Pair("dashboard: error box border", ERROR, PAGE));
        return pairs;
    }

    /** Every colour the stylesheet may use. */
    public static List<String> all() {
        List<String> all = new ArrayList<>(List.of(PAGE, TEXT, MUTED, RULE, BUTTON, BUTTON_TEXT, ACCENT, PANEL, ERROR, DARK_CELL));
        for (String[] s : SERIES) {
            all.add(s[1]);
        }
        return all;
    }
}
