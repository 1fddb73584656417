package dev.fleetjobs.server.s3;

import dev.fleetjobs.core.security.Role;
import dev.fleetjobs.server.artifacts.ArtifactError;
import dev.fleetjobs.server.auth.Principal;

/**
 * Who signed an S3 request, and so what it may do: admin and operator keys use the whole store;
 * the server's own artifact-reader key, which signs the URLs put into job documents, may only
 * read objects; device keys may do nothing here (devices read through those presigned URLs).
 */
record S3Caller(Principal principal, boolean artifactReader) {

    static S3Caller reader() {
        return new S3Caller(null, true);
    }

    static S3Caller of(Principal principal) {
        return new S3Caller(principal, false);
    }

    void checkRead() {
        if (!artifactReader) {
            checkWrite();
        }
    }

    void checkWrite() {
        if (artifactReader || principal.role() == Role.DEVICE) {
            throw new ArtifactError("AccessDenied", 403, "Access Denied: "
                    + (artifactReader ? "a presigned job URL only reads objects" : "device keys read files through the presigned URLs"
                    + " of their job documents"));
        }
    }
}
