package dev.fleetjobs.e2e;

import java.util.List;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CreateJobResponse;

/** Short ways to set up things and jobs through the official control-plane client. */
final class Fleet {

    private final IotClient iot;

    Fleet(IotClient iot) {
        this.iot = iot;
    }

    String thing(String name) {
        return iot.createThing(r -> r.thingName(name)).thingArn();
    }

    CreateJobResponse job(String jobId, String document, String... thingNames) {
        List<String> targets = java.util.Arrays.stream(thingNames).map(this::arnOf).toList();
        return iot.createJob(r -> r.jobId(jobId).targets(targets).document(document));
    }

    String arnOf(String thingName) {
        return "arn:aws:iot:us-east-1:000000000000:thing/" + thingName;
    }
}
