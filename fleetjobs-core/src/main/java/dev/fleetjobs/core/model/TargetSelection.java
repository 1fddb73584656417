package dev.fleetjobs.core.model;

public enum TargetSelection {
    SNAPSHOT,
    CONTINUOUS
}
