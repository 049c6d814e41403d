package io.edgeledger.cdc.config;

import org.eclipse.microprofile.config.ConfigProvider;

/** Settings read through Quarkus config: environment variables first, then application.properties. */
public final class QuarkusSettings {
    private QuarkusSettings() {}

    public static Settings current() {
        var config = ConfigProvider.getConfig();
        return new Settings(name -> config.getOptionalValue(name, String.class).orElse(null));
    }
}
