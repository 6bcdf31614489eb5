package com.acme.shop.identity;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.acme.shop.support.Api;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessTokenTest {

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    private static void assertUnauthorized(String token) {
        json().auth().oauth2(token).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("unauthorized"));
    }

    @Test
    void noTokenIsUnauthorized() {
        json().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("unauthorized")).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        Api.Session session = Api.newCustomer();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey foreign = generator.generateKeyPair().getPrivate();
        String forged = Jwt.issuer(issuer).subject(session.userId()).groups(Set.of("admin"))
                .expiresIn(600).sign(foreign);
        assertUnauthorized(forged);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Api.Session session = Api.newCustomer();
        String expired = Jwt.issuer(issuer).subject(session.userId()).groups(Set.of("customer"))
                .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(1800)).sign();
        assertUnauthorized(expired);
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        Api.Session session = Api.newCustomer();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"" + issuer + "\",\"sub\":\"" + session.userId()
                + "\",\"groups\":[\"admin\"],\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(header + "." + payload + ".");
    }

    @Test
    void aTamperedPayloadIsRefused() {
        Api.Session session = Api.newCustomer();
        String[] parts = session.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"customer\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertUnauthorized(tampered);
    }

    @Test
    void aTamperedCopyOfATokenInUseIsRefused() {
        Api.Session session = Api.newCustomer();
        // Verified once, so the parser has it cached: a changed copy is another token, verified afresh.
        json().auth().oauth2(session.accessToken()).get("/api/v1/me").then().statusCode(200);
        String[] parts = session.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"customer\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertUnauthorized(tampered);
        json().auth().oauth2(tampered).get("/api/v1/admin/products").then().statusCode(401);
        json().auth().oauth2(session.accessToken()).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgain() throws Exception {
        Api.Session session = Api.newCustomer();
        JWTParser parser = Arc.container().instance(JWTParser.class).get();
        assertSame(parser.parse(session.accessToken()), parser.parse(session.accessToken()));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        Api.Session session = Api.newCustomer();
        assertUnauthorized(Jwt.issuer("https://evil.example").subject(session.userId())
                .groups(Set.of("customer")).expiresIn(600).sign());
    }

    @Test
    void garbageTokensAreRefused() {
        assertUnauthorized("garbage");
        assertUnauthorized("a.b.c");
    }

    @Test
    void aValidTokenForAUserThatNoLongerExistsIsRefused() {
        String token = Jwt.issuer(issuer).subject(UUID.randomUUID().toString()).groups(Set.of("customer"))
                .expiresIn(600).sign();
        assertUnauthorized(token);
    }

    @Test
    void theAccessTokenIsRs256AndLivesFifteenMinutes() {
        Api.Session session = Api.newCustomer();
        String header = new String(Base64.getUrlDecoder().decode(session.accessToken().split("\\.")[0]),
                StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(header.contains("\"RS256\""), header);
        String payload = new String(Base64.getUrlDecoder().decode(session.accessToken().split("\\.")[1]),
                StandardCharsets.UTF_8);
        io.restassured.path.json.JsonPath claims = io.restassured.path.json.JsonPath.from(payload);
        org.junit.jupiter.api.Assertions.assertEquals(900L, claims.getLong("exp") - claims.getLong("iat"));
    }
}
