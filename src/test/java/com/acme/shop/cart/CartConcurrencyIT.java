package com.acme.shop.cart;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link CartConcurrencyTest} against the packaged application (the JVM jar, or the native executable with -Dnative). */
@QuarkusIntegrationTest
class CartConcurrencyIT extends CartConcurrencyTest {
}
