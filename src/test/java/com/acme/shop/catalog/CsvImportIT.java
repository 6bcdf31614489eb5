package com.acme.shop.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link CsvImportTest} against the packaged application (the JVM jar, or the native executable with -Dnative). */
@QuarkusIntegrationTest
class CsvImportIT extends CsvImportTest {
}
