package com.acme.shop.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * What the prod profile of the real application.properties resolves to with nothing set in the environment
 * (the packaged jar is not started here; StorefrontE2EIT runs it, with plain-HTTP overrides).
 */
class ProductionDefaultsTest {

    private static SmallRyeConfig profile(String profile) throws IOException {
        URL properties = ProductionDefaultsTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder().withProfile(profile).withMapping(HttpConfig.class)
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withSources(new PropertiesConfigSource(properties, 250)).build();
    }

    @Test
    void productionCookiesAreSecureWhateverTheHeadersSay() throws IOException {
        assertEquals(HttpConfig.SecureCookies.ALWAYS, profile("prod").getConfigMapping(HttpConfig.class).secureCookies());
        assertEquals(HttpConfig.SecureCookies.AUTO, profile("test").getConfigMapping(HttpConfig.class).secureCookies());
        assertEquals(HttpConfig.SecureCookies.AUTO, profile("dev").getConfigMapping(HttpConfig.class).secureCookies());
    }

    @Test
    void productionMailRequiresStartTls() throws IOException {
        assertEquals("REQUIRED", profile("prod").getValue("quarkus.mailer.start-tls", String.class));
        assertEquals("OPTIONAL", profile("dev").getValue("quarkus.mailer.start-tls", String.class));
    }

    @Test
    void bodyLimitsAreSmallExceptForTheBulkRoutesAndTheCsvImport() throws IOException {
        BodyLimits limits = new BodyLimits(profile("prod").getConfigMapping(HttpConfig.class));
        assertEquals(1024 * 1024, limits.limitFor("/api/v1/auth/login"));
        assertEquals(1024 * 1024, limits.limitFor("/api/v1/admin/products"));
        assertEquals(24 * 1024 * 1024, limits.limitFor("/api/v1/admin/products/bulk"));
        assertEquals(32 * 1024 * 1024, limits.limitFor("/api/v1/admin/products/import"));
        assertEquals(32 * 1024 * 1024, limits.limitFor("/api/v1/admin/products/import/"));
    }
}
