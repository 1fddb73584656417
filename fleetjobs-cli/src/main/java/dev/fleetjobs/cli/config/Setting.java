package dev.fleetjobs.cli.config;

/**
 * One option's effective value and where it came from.
 *
 * @param origin the flag, the environment variable, the file, or "default"
 * @param secret how the value is hidden for display, or null when it is not a secret
 */
public record Setting(String key, Object value, Source source, String origin, Secret.Part secret) {
}
