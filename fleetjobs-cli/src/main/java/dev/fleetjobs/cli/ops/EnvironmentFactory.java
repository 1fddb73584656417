package dev.fleetjobs.cli.ops;

import java.lang.reflect.Constructor;
import java.util.Map;
import picocli.CommandLine;

/**
 * Creates commands and mixins, handing the environment to those whose constructor takes it, so
 * tests can run commands in-process with an environment of their own.
 */
public final class EnvironmentFactory implements CommandLine.IFactory {

    private final Map<String, String> environment;

    public EnvironmentFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> constructor = type.getDeclaredConstructor(Map.class);
            constructor.setAccessible(true);
            return constructor.newInstance(environment);
        } catch (NoSuchMethodException notEnvironmentAware) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
