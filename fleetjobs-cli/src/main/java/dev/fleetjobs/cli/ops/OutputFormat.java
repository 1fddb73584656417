package dev.fleetjobs.cli.ops;

/** How results are printed. */
public enum OutputFormat {
    /** Aligned columns for people. */
    TABLE,
    /** The service's JSON answer, pretty-printed, for scripts. */
    JSON
}
