package com.acme.shop.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link BulkProductsTest} against the packaged application (the JVM jar, or the native executable with -Dnative). */
@QuarkusIntegrationTest
class BulkProductsIT extends BulkProductsTest {
}
