// What GetPendingJobExecutions costs inside SQLite alone: the two statements of its read (the thing,
// then the offered executions) and the end of the read transaction, through plain JDBC on one
// thread, with the statements prepared once, as the server's reader connections keep them.
// Run it on a copy of a data directory's database (a stopped server's, or one `fleetjobs backup`
// made), so that nothing else writes meanwhile:
//   java -cp ~/.m2/repository/org/xerial/sqlite-jdbc/VERSION/sqlite-jdbc-VERSION.jar bench/SqliteReadCost.java fleetjobs.db
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

public class SqliteReadCost {

    private static final String THING = "SELECT * FROM things WHERE thing_name = ?";
    // The server's offered-executions query (store/sql/Sql.OFFERED_EXECUTIONS), all columns.
    private static final String OFFERED = "SELECT e.*, j.windowed AS job_windowed FROM job_executions e JOIN jobs j ON j.job_id = e.job_id"
            + " WHERE e.thing_name = ? AND e.pending_rank IS NOT NULL"
            + " AND (e.pending_rank = 0 OR (j.status <> 'SCHEDULED' AND j.paused_at IS NULL))"
            + " ORDER BY e.pending_rank, e.queued_at, e.seq LIMIT 15";
    private static final int READS = 20_000;

    public static void main(String[] args) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + args[0])) {
            connection.setAutoCommit(false);
            String thing = aThingWithPendingExecutions(connection);
            connection.rollback();
            try (PreparedStatement things = connection.prepareStatement(THING); PreparedStatement offered = connection.prepareStatement(OFFERED)) {
                for (int round = 1; round <= 3; round++) {
                    long thingNanos = 0;
                    long offeredNanos = 0;
                    long endNanos = 0;
                    for (int i = 0; i < READS; i++) {
                        long started = System.nanoTime();
                        readAll(things, thing);
                        long thingRead = System.nanoTime();
                        readAll(offered, thing);
                        long offeredRead = System.nanoTime();
                        connection.rollback();
                        long ended = System.nanoTime();
                        thingNanos += thingRead - started;
                        offeredNanos += offeredRead - thingRead;
                        endNanos += ended - offeredRead;
                    }
                    System.out.printf("round %d (%s): %.1f us per read: the thing %.1f, the offered executions %.1f, ending the transaction %.1f%n",
                            round, thing, (thingNanos + offeredNanos + endNanos) / 1000.0 / READS, thingNanos / 1000.0 / READS,
                            offeredNanos / 1000.0 / READS, endNanos / 1000.0 / READS);
                }
            }
        }
    }

    private static String aThingWithPendingExecutions(Connection connection) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(
                "SELECT thing_name FROM job_executions WHERE pending_rank IS NOT NULL GROUP BY thing_name ORDER BY COUNT(*) DESC LIMIT 1")) {
            if (!rows.next()) {
                throw new IllegalArgumentException("No thing with a pending execution in the database");
            }
            return rows.getString(1);
        }
    }

    private static void readAll(PreparedStatement statement, String thing) throws SQLException {
        statement.setString(1, thing);
        try (ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int column = 1; column <= columns; column++) {
                    rows.getString(column);
                }
            }
        }
    }
}
