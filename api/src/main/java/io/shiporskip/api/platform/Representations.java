package io.shiporskip.api.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** Serialises a value once, with the api's own ObjectMapper (the bytes are exactly what Quarkus REST would write). */
@ApplicationScoped
public class Representations {

    private final ObjectMapper json;

    public Representations(ObjectMapper json) {
        this.json = json;
    }

    public <T> Representation<T> of(T value) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the api's records always serialise", e);
        }
        return new Representation<>(value, bytes, HttpCaching.etag(bytes));
    }
}
