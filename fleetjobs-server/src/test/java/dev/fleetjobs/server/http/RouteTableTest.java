package dev.fleetjobs.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.error.InvalidRequestException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final Operation describe = request -> CompletableFuture.completedFuture("describe");
    private final Operation startNext = request -> CompletableFuture.completedFuture("startNext");
    private final RouteTable table = new RouteTable()
            .add("DescribeJobExecution", "GET", "/things/{thingName}/jobs/{jobId}", describe)
            .add("UpdateJobExecution", "PUT", "/things/{thingName}/jobs/{jobId}", describe)
            .add("StartNextPendingJobExecution", "PUT", "/things/{thingName}/jobs/$next", startNext);

    @Test
    void literalSegmentsWinOverLabelsInBothWireFormsOfNext() {
        assertThat(table.find("PUT", RequestPath.decodedSegments("/things/t/jobs/$next")).orElseThrow().operation()).isSameAs(startNext);
        assertThat(table.find("PUT", RequestPath.decodedSegments("/things/t/jobs/%24next")).orElseThrow().operation()).isSameAs(startNext);
        assertThat(table.find("PUT", RequestPath.decodedSegments("/things/t/jobs/j1")).orElseThrow().operation()).isSameAs(describe);
    }

    @Test
    void labelsAreDecoded() {
        var match = table.find("GET", RequestPath.decodedSegments("/things/a%3Ab/jobs/%24next")).orElseThrow();
        assertThat(match.pathParams()).containsEntry("thingName", "a:b").containsEntry("jobId", "$next");
    }

    @Test
    void methodAndSegmentCountMustMatch() {
        assertThat(table.find("POST", RequestPath.decodedSegments("/things/t/jobs/j1"))).isEmpty();
        assertThat(table.find("GET", RequestPath.decodedSegments("/things/t/jobs"))).isEmpty();
        assertThat(table.find("GET", RequestPath.decodedSegments("/things/t/jobs/j1/extra"))).isEmpty();
    }

    @Test
    void malformedEscapesAreTheClientsError() {
        assertThatThrownBy(() -> RequestPath.decodedSegments("/things/%zz/jobs")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> RequestPath.decodedSegments("/things/%C3/jobs")).isInstanceOf(InvalidRequestException.class);
        assertThat(RequestPath.queryParams("a=1&a=2&b=x%2By+z&c")).containsEntry("a", "1").containsEntry("b", "x+y+z").containsEntry("c", "");
    }
}
