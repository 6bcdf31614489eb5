package com.acme.shop.cart;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link CartTest} against the packaged application (the JVM jar, or the native executable with -Dnative). */
@QuarkusIntegrationTest
class CartIT extends CartTest {
}
