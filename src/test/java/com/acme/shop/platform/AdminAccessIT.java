package com.acme.shop.platform;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AdminAccessTest} against the packaged application (the JVM jar, or the native executable with -Dnative). */
@QuarkusIntegrationTest
class AdminAccessIT extends AdminAccessTest {
}
