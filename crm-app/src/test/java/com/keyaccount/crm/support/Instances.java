package com.keyaccount.crm.support;

import com.keyaccount.crm.CrmApplication;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The application started once more, as another server behind the same load balancer would run
 * it: the test profile, a random port, its own memory. Component scanning sees the application's
 * classes only, as in production (the tests' clock, fixtures and configurations stay out); a test
 * adds what it needs of them as {@code sources}.
 */
public final class Instances {

    private Instances() {
    }

    public static ConfigurableApplicationContext start(List<Class<?>> sources, String... properties) {
        List<Class<?>> all = new ArrayList<>(List.of(CrmApplication.class));
        all.addAll(sources);
        // as arguments: they outrank application.yml (default properties would not, and take port 8080)
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        List.of(properties).forEach(property -> arguments.add("--" + property));
        return new SpringApplicationBuilder(all.toArray(Class<?>[]::new)).profiles("test")
                .initializers(context -> context.getBeanFactory().registerSingleton("applicationClassesOnly",
                        new ApplicationClassesOnly()))
                .run(arguments.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    static final class ApplicationClassesOnly extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other != null && other.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }
}
