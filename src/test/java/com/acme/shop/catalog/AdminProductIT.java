package com.acme.shop.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AdminProductTest} against the packaged application (the JVM jar, or the native executable with -Dnative). */
@QuarkusIntegrationTest
class AdminProductIT extends AdminProductTest {
}
