package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.PresignedUrlConfig;

/**
 * What a device receives as its job document: the stored document with its presigned URL
 * placeholders replaced by fresh URLs for the address the device reached the server at (spec 4.4;
 * never in GetJobDocument). Every edge that hands a device its document goes through one.
 */
@FunctionalInterface
public interface DeviceDocuments {

    /** Hands the document over unchanged (no artifact store wired). */
    DeviceDocuments AS_STORED = (document, config, origin) -> document;

    /**
     * @param document the job's document, or null when none was asked for (then null)
     * @param config   the job's presigned URL configuration, or null when it has none
     * @param origin   {@code scheme://host[:port]} of the server as the device reached it
     */
    String render(String document, PresignedUrlConfig config, String origin);
}
