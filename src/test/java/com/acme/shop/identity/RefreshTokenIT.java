package com.acme.shop.identity;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link RefreshTokenTest} against the packaged application (the JVM jar, or the native executable with -Dnative). */
@QuarkusIntegrationTest
class RefreshTokenIT extends RefreshTokenTest {
}
