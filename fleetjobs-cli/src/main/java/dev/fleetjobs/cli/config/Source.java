package dev.fleetjobs.cli.config;

/** Where a setting's value came from, strongest first. */
public enum Source {
    FLAG("flag"),
    ENVIRONMENT("env"),
    FILE("file"),
    DEFAULT("default");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
