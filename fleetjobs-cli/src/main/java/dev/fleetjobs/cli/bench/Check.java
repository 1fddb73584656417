package dev.fleetjobs.cli.bench;

/**
 * Whether what the scenario did shows in the server's own counts (DescribeJob and the like).
 *
 * @param passed null when the scenario has nothing to check
 */
record Check(Boolean passed, String detail) {

    static Check none() {
        return new Check(null, "");
    }

    static Check of(boolean passed, String detail) {
        return new Check(passed, detail);
    }

    boolean failed() {
        return Boolean.FALSE.equals(passed);
    }
}
