package io.shiporskip.badge.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Text cells in the CSV: RFC 4180 quoting and no spreadsheet formulas. */
class StatsCsvTest {

    @Test
    void plainTextStaysAsItIs() {
        assertEquals("stats-tool", StatsCsv.text("stats-tool"));
        assertEquals("docs.example.com", StatsCsv.text("docs.example.com"));
        assertEquals("", StatsCsv.text(null));
        assertEquals("", StatsCsv.text(""));
    }

    @Test
    void formulaLeadersGetAQuote() {
        assertEquals("'=1+2", StatsCsv.text("=1+2"));
        assertEquals("'+SUM(A1)", StatsCsv.text("+SUM(A1)"));
        assertEquals("'-evil.example", StatsCsv.text("-evil.example"));
        assertEquals("'@cmd", StatsCsv.text("@cmd"));
        assertEquals("'\tx", StatsCsv.text("\tx"));
        assertEquals("a=b", StatsCsv.text("a=b"));
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"a,b\"", StatsCsv.text("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", StatsCsv.text("say \"hi\""));
        assertEquals("\"two\nlines\"", StatsCsv.text("two\nlines"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", StatsCsv.text("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("\"'\rx\"", StatsCsv.text("\rx"));
    }
}
