package dev.fleetjobs.server.service;

import dev.fleetjobs.core.security.AccessKey;

/** A key just made, with its secret in the clear: shown once, never stored so. */
public record NewAccessKey(AccessKey key, String secretAccessKey) {

    @Override
    public String toString() {
        return "NewAccessKey[" + key + ", secret hidden]";
    }
}
