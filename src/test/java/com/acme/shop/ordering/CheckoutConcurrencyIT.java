package com.acme.shop.ordering;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link CheckoutConcurrencyTest} against the packaged application (the JVM jar, or the native executable with -Dnative). */
@QuarkusIntegrationTest
class CheckoutConcurrencyIT extends CheckoutConcurrencyTest {
}
