package io.shiporskip.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records round-trip through JSON the way both services (de)serialise them. */
class ContractJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void verdictSnapshotRoundTrips() throws Exception {
        VerdictSnapshot snapshot = new VerdictSnapshot("smolvlm2", "SmolVLM2", "Tiny VLM", VerdictDecision.SHIP,
                4, 0, 100, 83.3, 4, CommunitySummary.of(0, 0),
                List.of(new CriticScore(new CriticRef("builder", "Builder"), 88, ReviewDecision.SHIP)), "v1");
        String text = json.writeValueAsString(snapshot);
        assertEquals(snapshot, json.readValue(text, VerdictSnapshot.class));
    }

    @Test
    void problemLeavesOutEmptyErrors() throws Exception {
        String text = json.writeValueAsString(new ProblemDetail("about:blank", "Not Found", 404, "no tool", "/x", null));
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no tool\",\"instance\":\"/x\"}", text);
    }
}
