package dev.fleetjobs.cli.bench;

/** One thing {@code fleetjobs bench} measures: sets up what it needs on the server, runs, and checks the server's counts. */
interface Scenario {

    String name();

    ScenarioResult run(BenchContext context);
}
