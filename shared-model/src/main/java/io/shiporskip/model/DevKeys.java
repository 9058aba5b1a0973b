package io.shiporskip.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;

/**
 * The repository's dev/test JWT key pair is public (its private half is in git), so production refuses it on both
 * sides: api will not sign with it, badge-service will not verify with it. One fingerprint, one check.
 */
public final class DevKeys {

    /** SHA-256 of the DER (SubjectPublicKeyInfo) of the dev public key. */
    static final String DEV_PUBLIC_KEY_SHA256 = "d16e80b1f68fb3cd60f08a97b41d8c59ec1eeec9b355abe2bb04777df624c82e";

    private DevKeys() {
    }

    public static boolean isDevKey(PublicKey key) {
        return isDevKey(key.getEncoded());
    }

    /** {@code der}: an X.509 SubjectPublicKeyInfo, as a PEM public key holds it. */
    public static boolean isDevKey(byte[] der) {
        try {
            return DEV_PUBLIC_KEY_SHA256.equals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
