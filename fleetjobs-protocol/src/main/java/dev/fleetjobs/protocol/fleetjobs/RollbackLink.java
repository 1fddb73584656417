package dev.fleetjobs.protocol.fleetjobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * A rollback job and the job it rolls back; {@code jobId} and {@code jobArn} name the other one of
 * the two (the original in {@code rollbackOf}, the rollback job in {@code rollbacks}).
 *
 * @param statuses          the rollback job targets the things whose latest execution of the original had one of these
 * @param thingCount        how many things that was
 * @param originalCanceled  whether the original was canceled by the rollback
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RollbackLink(String jobId, String jobArn, List<String> statuses, long thingCount, boolean originalCanceled,
                           BigDecimal createdAt) {
}
