package dev.fleetjobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** {@code --version} on every command: the version and the commit the jar was built from (from {@code version.properties}). */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"fleetjobs " + version()};
    }

    /** This build's version and commit, as {@code --version} shows them after the program's name. */
    static String version() {
        Properties build = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = filled(build.getProperty("version"));
        String commit = filled(build.getProperty("commit"));
        String date = filled(build.getProperty("commitDate"));
        return (version == null ? "(version unknown)" : version)
                + (commit == null ? " (built outside a git checkout: commit unknown)" : " (commit " + commit + (date == null ? "" : ", " + date) + ")");
    }

    /** A property the build filled in; null when it left the placeholder (no git) or none was there. */
    private static String filled(String value) {
        return value == null || value.isBlank() || value.contains("${") ? null : value;
    }
}
