package com.acme.shop.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ShopifyCsvImportTest} against the packaged application (the JVM jar, or the native executable with -Dnative). */
@QuarkusIntegrationTest
class ShopifyCsvImportIT extends ShopifyCsvImportTest {
}
