package io.shiporskip.api.account;

import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.List;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.mailer.Mail;
import io.quarkus.arc.Arc;
import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import io.restassured.RestAssured;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Accounts and tokens for tests, made through the real routes. */
public final class TestAccounts {

    public static final String ADMIN_EMAIL = "admin@shiporskip.test";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String PASSWORD = "correct horse battery";
    public static final String ISSUER = "https://shiporskip.example/issuer";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Pattern VERIFICATION_LINK = Pattern.compile("/api/accounts/verification\\?token=([A-Za-z0-9_-]{43})");

    private TestAccounts() {
    }

    /** A fresh e-mail that no other test uses. */
    public static String uniqueEmail(String prefix) {
        return prefix + "-" + System.nanoTime() + "-" + COUNTER.incrementAndGet() + "@example.com";
    }

    /** Signs up a reader and returns its id. */
    public static long signUp(String email) {
        return given().contentType("application/json")
                .body(Map.of("email", email, "password", PASSWORD, "displayName", "Test Reader"))
                .when().post("/api/accounts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Signs up and follows the link of the verification mail, as the address's owner would. */
    public static long signUpVerified(String email) {
        long id = signUp(email);
        verify(email);
        return id;
    }

    /** Follows the link of the newest verification mail to this address. */
    public static void verify(String email) {
        given().contentType("application/json").body(Map.of("token", verificationToken(email)))
                .when().post("/api/accounts/verification").then().statusCode(200);
    }

    /** The token of the newest verification mail sent to this address (mock mailbox). */
    public static String verificationToken(String email) {
        MockMailbox mailbox = Arc.container().instance(MockMailbox.class).get();
        long deadline = System.currentTimeMillis() + 5000;
        List<Mail> mails = List.of();
        while (System.currentTimeMillis() < deadline) {
            mails = mailbox.getMailsSentTo(email).stream()
                    .filter(mail -> mail.getSubject().equals("Confirm your Ship or Skip account")).toList();
            if (!mails.isEmpty()) {
                break;
            }
            Thread.onSpinWait();
        }
        if (mails.isEmpty()) {
            throw new AssertionError("no verification mail to " + email);
        }
        Matcher link = VERIFICATION_LINK.matcher(mails.get(mails.size() - 1).getText());
        if (!link.find()) {
            throw new AssertionError("no verification link in the mail to " + email);
        }
        return link.group(1);
    }

    /** Every mail sent so far to this address with this subject (mock mailbox), oldest first. */
    public static List<Mail> mailsTo(String email, String subject) {
        MockMailbox mailbox = Arc.container().instance(MockMailbox.class).get();
        return mailbox.getMailsSentTo(email).stream().filter(mail -> mail.getSubject().equals(subject)).toList();
    }

    /** The token of the newest mail with this subject to this address whose link goes to {@code path}; waits up to 5 s. */
    public static String linkToken(String email, String subject, String path) {
        Pattern link = Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]{43})");
        long deadline = System.currentTimeMillis() + 5000;
        List<Mail> mails = mailsTo(email, subject);
        while (mails.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
            mails = mailsTo(email, subject);
        }
        if (mails.isEmpty()) {
            throw new AssertionError("no mail \"" + subject + "\" to " + email);
        }
        Matcher found = link.matcher(mails.get(mails.size() - 1).getText());
        if (!found.find()) {
            throw new AssertionError("no link to " + path + " in the mail to " + email);
        }
        return found.group(1);
    }

    public static String token(String email, String password) {
        return given().contentType("application/json").body(Map.of("email", email, "password", password))
                .when().post("/api/auth/token")
                .then().statusCode(200).extract().jsonPath().getString("accessToken");
    }

    public static String token(String email) {
        return token(email, PASSWORD);
    }

    /**
     * The first admin's token, signed in once per running application (each test profile starts its own on a new
     * random port, with a database of its own); it lives an hour, longer than the suite.
     */
    public static String adminToken() {
        return ADMIN_TOKENS.computeIfAbsent(RestAssured.port, port -> token(ADMIN_EMAIL, ADMIN_PASSWORD));
    }

    private static final Map<Integer, String> ADMIN_TOKENS = new ConcurrentHashMap<>();

    /** A reader's token, signing up first. */
    public static String newReaderToken(String prefix) {
        String email = uniqueEmail(prefix);
        signUp(email);
        return token(email);
    }

    /** A reader who proved their address (only those may vote), signing up first. */
    public static String newVoterToken(String prefix) {
        String email = uniqueEmail(prefix);
        signUpVerified(email);
        return token(email);
    }

    /** Correctly signed with the api's key, admin groups, but expired an hour ago. */
    public static String expiredAdminToken() {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).subject("1").groups(Set.of("reader", "admin"))
                .issuedAt(now - 7200).expiresAt(now - 3600)
                .sign(devPrivateKey());
    }

    /** Looks right (issuer, admin groups, not expired) but is signed by a key the api never saw. */
    public static String forgedAdminToken() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(ISSUER).subject("1").groups(Set.of("reader", "admin")).expiresIn(3600)
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with the api's own key by a different issuer. */
    public static String foreignIssuerAdminToken() {
        return Jwt.issuer("https://evil.example/issuer").subject("1").groups(Set.of("reader", "admin"))
                .expiresIn(3600).sign(devPrivateKey());
    }

    public static PrivateKey devPrivateKey() {
        try (InputStream in = TestAccounts.class.getClassLoader().getResourceAsStream("dev-jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed-up account that proved its address and that the admin made a maker of the tool; returns its e-mail. */
    public static String newMaker(String prefix, String slug) {
        String email = uniqueEmail(prefix);
        signUpVerified(email);
        given().auth().oauth2(adminToken()).when().put("/api/tools/" + slug + "/makers/" + email)
                .then().statusCode(204);
        return email;
    }

    /** The decoded JSON of a JWT part (0 header, 1 claims). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> jwtPart(String token, int part) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(token.split("\\.")[part]);
            return new ObjectMapper().readValue(json, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
