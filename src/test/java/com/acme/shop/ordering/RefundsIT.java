package com.acme.shop.ordering;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link RefundsTest} against the packaged application (the JVM jar, or the native executable with -Dnative). */
@QuarkusIntegrationTest
class RefundsIT extends RefundsTest {
}
