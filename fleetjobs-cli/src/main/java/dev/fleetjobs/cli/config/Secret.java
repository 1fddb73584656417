package dev.fleetjobs.cli.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an option whose value {@code --print-config} must not show: the whole value, or only the
 * password inside a URL. Every option whose name says password, secret or token carries it (a test checks).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Secret {

    Part value() default Part.WHOLE;

    enum Part {
        /** The value is a secret. */
        WHOLE,
        /** The value is a URL that may hold a password: user:PASSWORD@host, or a password=... parameter. */
        URL_PASSWORD
    }
}
