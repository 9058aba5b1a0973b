package io.shiporskip.api.platform;

/**
 * A response body made once: the value (HTML pages render from it), its JSON bytes, and the strong ETag computed from
 * those bytes. Cached, a hit is sent as it is — no serialisation, no hashing. The array is never written to.
 */
public record Representation<T>(T value, byte[] bytes, String etag) {
}
