package dev.fleetjobs.sdk.agent;

/** The action types of the Device Client's job document schema 1.0. */
public enum ActionType {
    /** Runs a handler script with the runAsUser value and the args as its arguments. */
    RUN_HANDLER("runHandler"),
    /** Runs a program from PATH; the command is one comma-separated string. */
    RUN_COMMAND("runCommand"),
    /** Fleetjobs' own: fetches a file (resuming with Range) and checks its SHA-256; input {@code url}, {@code sha256}, {@code path}. */
    DOWNLOAD("download");

    private final String wireName;

    ActionType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
