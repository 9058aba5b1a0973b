package io.shiporskip.badge.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shiporskip.model.Slugs;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hot path's hand-written slug check must agree with the shared rule everywhere. */
class SlugCheckTest {

    @Test
    void agreesWithTheSharedRule() {
        List<String> samples = List.of("", "a", "a-b", "a--b", "-a", "a-", "smolvlm-2-5", "Abc", "a_b", "a b", "a/b", "é",
                "x".repeat(100), "x".repeat(101), "1-2-3", "-", "--", "a-b-c-d-e-f", "a\nb", "..", "a.b");
        for (String s : samples) {
            assertEquals(Slugs.isValid(s), BadgeSvgRoute.validSlug(s), s);
        }
        assertEquals(false, BadgeSvgRoute.validSlug(null));
        Random random = new Random(42);
        String alphabet = "ab9-_A.-";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(8); j >= 0; j--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertEquals(Slugs.isValid(s), BadgeSvgRoute.validSlug(s), s);
        }
    }
}
