package dev.fleetjobs.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = FleetjobsCommand.class.getPackage().getImplementationVersion();
        return new String[] {"fleetjobs " + (version == null ? "development build" : version)};
    }
}
