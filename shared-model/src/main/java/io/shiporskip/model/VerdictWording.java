package io.shiporskip.model;

/** How the panel's tally is worded wherever people read it: badges, share texts, digests, comparisons. */
public final class VerdictWording {

    private VerdictWording() {
    }

    /** "4 ships · 0 skips", "1 ship · 1 skip". */
    public static String tally(int ships, int skips) {
        return count(ships, "ship") + " \u00B7 " + count(skips, "skip");
    }

    /** "4 ship / 0 skip", the compact form of a comparison's decision table and the digest. */
    public static String split(int ships, int skips) {
        return ships + " ship / " + skips + " skip";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
