package dev.fleetjobs.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/** Switches every log line to JSON ({@code --log-format json}): logback is configured again from {@value #JSON_CONFIG}. */
final class LogFormat {

    static final String JSON_CONFIG = "logback-json.xml";

    private LogFormat() {
    }

    static void useJson() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        URL config = LogFormat.class.getClassLoader().getResource(JSON_CONFIG);
        if (config == null) {
            throw new IllegalStateException(JSON_CONFIG + " is missing from the jar");
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("Cannot configure JSON logs: " + e.getMessage(), e);
        }
    }
}
